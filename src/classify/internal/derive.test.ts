import { beforeAll, describe, expect, it } from "vitest";
import { loadVocabulary, type Vocabulary } from "../../vocab/index.ts";
import { deriveHierarchy } from "./derive.ts";

let vocab: Vocabulary;
beforeAll(async () => {
  vocab = await loadVocabulary();
});

describe("deriveHierarchy", () => {
  it("lifts a goal to at least its target's implied score, never above the target", () => {
    const scores = new Map([
      ["GBF-TARGET-06", 0.8],
      ["GBF-GOAL-A", 0.1],
      ["GBF-GOAL-B", 0.05],
    ]);
    const d = deriveHierarchy(vocab, scores, { "GBF-TARGET-06": 0.5, "GBF-GOAL-A": 0.6, "GBF-GOAL-B": 0.5 });
    const goal = d.scores.get("GBF-GOAL-A")!;
    expect(goal).toBeGreaterThan(0.1);
    expect(goal).toBeLessThan(0.8);
    // A suggested target (0.8 ≥ 0.5) yields a goal at or above its (possibly lowered) threshold.
    expect(goal).toBeGreaterThanOrEqual(d.thresholds["GBF-GOAL-A"]! * 0.999);
    expect(d.scores.get("GBF-GOAL-B")).toBe(0.05);
    expect(d.impliedBy.get("GBF-GOAL-A")).toBe("GBF-TARGET-06");
  });

  it("lifts a broader subject from its narrower one and damps crosswalk links", () => {
    const scores = new Map([
      ["CBD-SUBJECT-MAR", 0.9],
      ["CBD-SUBJECT-BIOMES", 0],
      ["GBF-TARGET-06", 0.9],
      ["CBD-SUBJECT-IAS", 0],
    ]);
    const thr = { "CBD-SUBJECT-MAR": 0.5, "CBD-SUBJECT-BIOMES": 0.5, "GBF-TARGET-06": 0.5, "CBD-SUBJECT-IAS": 0.5 };
    const d = deriveHierarchy(vocab, scores, thr);
    expect(d.scores.get("CBD-SUBJECT-BIOMES")!).toBeGreaterThan(0.5);
    // A crosswalk link ranks the subject for review; on its own it never makes a suggestion (0.6 ×
    // 0.9 = 0.54 once crossed the 0.5 threshold, and every subject a sure target links to was suggested).
    expect(d.scores.get("CBD-SUBJECT-IAS")!).toBeLessThan(0.5);
    expect(d.scores.get("CBD-SUBJECT-IAS")!).toBeGreaterThan(0.45);
  });

  it("keeps a subject's own score when it is above what the crosswalk would give", () => {
    const scores = new Map([
      ["GBF-TARGET-06", 0.9],
      ["CBD-SUBJECT-IAS", 0.8],
    ]);
    const d = deriveHierarchy(vocab, scores, { "GBF-TARGET-06": 0.5, "CBD-SUBJECT-IAS": 0.5 });
    expect(d.scores.get("CBD-SUBJECT-IAS")).toBe(0.8);
  });
});
