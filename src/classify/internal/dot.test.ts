import { expect, it } from "vitest";
import { dot } from "./dot.ts";

it("sums every product, whatever the length's remainder by four, from an offset into b", () => {
  for (const n of [1, 3, 4, 5, 8, 11]) {
    const a = Float32Array.from({ length: n }, (_, i) => i + 1);
    const b = Float32Array.from({ length: n + 2 }, (_, i) => (i % 3) - 1);
    const expected = a.reduce((s, x, i) => s + x * b[i + 2]!, 0);
    expect(dot(a, b, 2)).toBeCloseTo(expected, 10);
  }
  expect(dot(new Float32Array(0), new Float32Array(0))).toBe(0);
});
