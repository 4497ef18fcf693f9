import { describe, expect, it } from "vitest";
import { planBatches } from "./thread-pool.ts";

const texts = (lengths: number[]) => lengths.map((n) => "x".repeat(n));

describe("planBatches", () => {
  it("spreads a call smaller than a batch per thread over every thread", () => {
    // Six windows of one abstract: three per thread, not six on one thread while the other idles.
    expect(planBatches(texts([5, 1, 4, 2, 6, 3]), 32, 2)).toEqual([
      [1, 3, 5],
      [2, 0, 4],
    ]);
  });

  it("keeps full, length-sorted batches for a long document", () => {
    const plan = planBatches(texts(Array.from({ length: 100 }, (_, i) => 100 - i)), 32, 2);
    expect(plan.map((b) => b.length)).toEqual([32, 32, 32, 4]);
    expect(plan.flat()).toEqual(Array.from({ length: 100 }, (_, i) => 99 - i));
  });

  it("sends one text as one batch, and plans nothing for no text", () => {
    expect(planBatches(texts([7]), 32, 2)).toEqual([[0]]);
    expect(planBatches([], 32, 2)).toEqual([]);
  });
});
