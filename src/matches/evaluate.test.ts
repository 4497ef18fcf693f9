import { describe, expect, it } from "vitest";
import { invertGold, matchMetrics } from "./evaluate.ts";

describe("matchMetrics", () => {
  it("computes MRR and recall@5 from ranks, a miss counting zero", () => {
    const m = matchMetrics([
      { id: "n1", gold: ["a"], ranked: ["a", "b"] },
      { id: "n2", gold: ["b", "c"], ranked: ["x", "b", "y", "z", "w", "c"] },
      { id: "n3", gold: ["q"], ranked: ["x"] },
    ]);
    expect(m.queries).toBe(3);
    expect(m.mrr).toBeCloseTo((1 + 1 / 2 + 0) / 3, 10);
    // n2 finds b in the top 5 but c only at rank 6.
    expect(m.recallAt5).toBeCloseTo((1 + 0.5 + 0) / 3, 10);
    expect(m.results[2]!.firstRelevant).toBeUndefined();
  });

  it("inverts needs' gold offers into offers' gold needs", () => {
    const inv = invertGold([
      { id: "n1", recordType: "bbiRequest", language: "en", title: "", text: "", gold: ["o1", "o2"] },
      { id: "n2", recordType: "bbiRequest", language: "en", title: "", text: "", gold: ["o1"] },
    ]);
    expect(inv.get("o1")).toEqual(["n1", "n2"]);
    expect(inv.get("o2")).toEqual(["n1"]);
  });
});
