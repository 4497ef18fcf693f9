/** Shared by the ONNX port's tests and bench/use-onnx.ts: how close two vectors are. */
export function compareVectors(a: number[], b: number[]): { cosine: number; maxAbs: number } {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  let maxAbs = 0;
  a.forEach((x, i) => {
    const y = b[i]!;
    dot += x * y;
    aa += x * x;
    bb += y * y;
    maxAbs = Math.max(maxAbs, Math.abs(x - y));
  });
  return { cosine: dot / Math.sqrt(aa * bb), maxAbs };
}
