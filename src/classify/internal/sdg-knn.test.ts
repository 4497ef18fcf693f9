import { describe, expect, it } from "vitest";
import { sdgKnnScores } from "./sdg-knn.ts";

const unit = (...xs: number[]) => {
  const n = Math.hypot(...xs);
  return Float32Array.from(xs.map((x) => x / n));
};

describe("sdgKnnScores", () => {
  const exemplars = [
    { key: "a", labels: ["S1"], vector: unit(1, 0, 0) },
    { key: "b", labels: ["S1", "S2"], vector: unit(1, 1, 0) },
    { key: "c", labels: ["S2"], vector: unit(0, 1, 0) },
    ...Array.from({ length: 6 }, (_, i) => ({ key: `d${i}`, labels: ["S3"], vector: unit(0, 0, 1 + i) })),
  ];

  it("gives each SDG its best similarity and the mean of its five best", () => {
    const s = sdgKnnScores(unit(1, 0, 0), exemplars);
    expect(s.get("S1")!.max).toBeCloseTo(1);
    expect(s.get("S1")!.top).toBeCloseTo((1 + Math.SQRT1_2) / 2);
    expect(s.get("S2")!.max).toBeCloseTo(Math.SQRT1_2);
    expect(s.get("S3")).toEqual({ max: 0, top: 0 });
    // Six exemplars all at similarity 1: the mean is over five, still 1.
    expect(sdgKnnScores(unit(0, 0, 1), exemplars).get("S3")!.top).toBeCloseTo(1);
  });

  it("leaves out the text's own group", () => {
    const s = sdgKnnScores(unit(1, 0, 0), exemplars, "a");
    expect(s.get("S1")!.max).toBeCloseTo(Math.SQRT1_2);
  });
});
