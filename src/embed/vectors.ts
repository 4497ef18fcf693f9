/**
 * Cosine similarity of two vectors of equal length. For the unit vectors an `Embedder`
 * returns this equals the dot product; the norms are still divided out so callers may pass
 * any vectors. Returns 0 when either vector is all zeros.
 */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new RangeError(`cosine: vectors differ in length (${a.length} vs ${b.length})`);
  }
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) return 0;
  return dot / Math.sqrt(normA * normB);
}

/**
 * A new `Float32Array` with the direction of `v` and length 1. An all-zero vector stays
 * all zeros (it has no direction to keep).
 *
 * @example l2normalize([3, 4]) // Float32Array [0.6, 0.8]
 */
export function l2normalize(v: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += (v[i] as number) ** 2;
  const out = new Float32Array(v.length);
  if (sum === 0) return out;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) out[i] = (v[i] as number) * scale;
  return out;
}
