/** A small logistic regression trained with full-batch gradient descent (Adam), in plain TS. */

export interface LogisticModel {
  weights: number[];
  bias: number;
  /** Feature standardisation fitted on the training rows. */
  mean: number[];
  scale: number[];
}

export interface FitOptions {
  l2?: number;
  epochs?: number;
  learningRate?: number;
  /** Weight of positive rows (positives are rare: one label per text). */
  positiveWeight?: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, z))));

export function fitLogistic(rows: number[][], y: number[], opts: FitOptions = {}): LogisticModel {
  const { l2 = 1e-3, epochs = 400, learningRate = 0.05, positiveWeight = 1 } = opts;
  const d = rows[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0) / rows.length);
  const scale = Array.from({ length: d }, (_, j) => {
    const v = rows.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / rows.length;
    return Math.sqrt(v) || 1;
  });
  const n = rows.length;
  // One flat standardised matrix: the loop below runs epochs × rows × features times.
  const x = new Float64Array(n * d);
  rows.forEach((r, i) => r.forEach((v, j) => (x[i * d + j] = (v - mean[j]!) / scale[j]!)));
  const w = new Float64Array(d + 1);
  const m = new Float64Array(d + 1);
  const v = new Float64Array(d + 1);
  const g = new Float64Array(d + 1);
  const sw = Float64Array.from(y, (t) => (t ? positiveWeight : 1));
  const total = sw.reduce((s, a) => s + a, 0);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let z = w[d]!;
      for (let j = 0; j < d; j++) z += w[j]! * x[o + j]!;
      const err = (sigmoid(z) - y[i]!) * sw[i]!;
      for (let j = 0; j < d; j++) g[j] = g[j]! + err * x[o + j]!;
      g[d] = g[d]! + err;
    }
    for (let j = 0; j <= d; j++) {
      const grad = g[j]! / total + (j < d ? l2 * w[j]! : 0);
      m[j] = 0.9 * m[j]! + 0.1 * grad;
      v[j] = 0.999 * v[j]! + 0.001 * grad * grad;
      const mh = m[j]! / (1 - 0.9 ** epoch);
      const vh = v[j]! / (1 - 0.999 ** epoch);
      w[j] = w[j]! - (learningRate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return { weights: Array.from(w.slice(0, d)), bias: w[d]!, mean, scale };
}

/** Each feature's contribution to the logit (used to say which signal drove a score). */
export function contributions(model: LogisticModel, row: number[]): number[] {
  return row.map((v, j) => model.weights[j]! * ((v - model.mean[j]!) / model.scale[j]!));
}

export function predictLogistic(model: LogisticModel, row: number[]): number {
  return sigmoid(model.bias + contributions(model, row).reduce((s, c) => s + c, 0));
}
