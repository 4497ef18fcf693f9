import { describe, expect, it } from "vitest";
import { chooseThresholds, decide, type ScoredLabel } from "./thresholds.ts";

const item = (labelId: string, score: number, positive: boolean): ScoredLabel => ({ labelId, score, positive });

describe("chooseThresholds", () => {
  it("puts a well-separated label's threshold between its positives and negatives", () => {
    const items = [
      ...[0.9, 0.85, 0.8, 0.75, 0.7, 0.7, 0.65, 0.6].map((s) => item("A", s, true)),
      ...[0.4, 0.3, 0.2, 0.1].map((s) => item("A", s, false)),
    ];
    const { perLabel } = chooseThresholds(items, ["A"], { minPositives: 5, floor: 0.1 });
    expect(perLabel.A).toBeGreaterThan(0.4);
    expect(perLabel.A).toBeLessThanOrEqual(0.6);
  });

  it("gives a label with too few positives the global threshold, and never goes below the floor", () => {
    const items = [item("A", 0.9, true), item("A", 0.1, false), item("B", 0.05, true), item("B", 0.01, false)];
    const { global, perLabel } = chooseThresholds(items, ["A", "B"], { minPositives: 5, floor: 0.2 });
    expect(perLabel.B).toBe(global);
    expect(global).toBeGreaterThanOrEqual(0.2);
  });
});

describe("decide", () => {
  it("suggests at the threshold, asks for review just below, else none", () => {
    expect(decide(0.5, 0.5)).toBe("suggest");
    expect(decide(0.4, 0.5)).toBe("review");
    expect(decide(0.1, 0.5)).toBe("none");
  });
});
