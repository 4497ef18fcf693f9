import { describe, expect, it } from "vitest";
import { knnScores } from "./knn.ts";

const v = (...xs: number[]) => Float32Array.from(xs);

describe("knnScores", () => {
  const examples = [
    { key: "q1", labels: ["T6"], vector: v(1, 0) },
    { key: "q2", labels: ["T3"], vector: v(0.6, 0.8) },
    { key: "q3", labels: ["T3"], vector: v(0, 1) },
  ];

  it("scores the label of the nearest example highest", () => {
    const s = knnScores(v(0.99, 0.14), examples, 3);
    expect(s.get("T6")!.max).toBeGreaterThan(s.get("T3")!.max);
    expect(s.get("T6")!.vote).toBeGreaterThan(0.5);
  });

  it("leaves out the excluded group so training features are out-of-fold", () => {
    const s = knnScores(v(1, 0), examples, 3, "q1");
    expect(s.has("T6")).toBe(false);
  });
});
