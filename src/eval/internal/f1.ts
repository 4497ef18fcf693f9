import type { PRF } from "../types.ts";
import { ratio } from "./ranking.ts";

/** Running true/false positive and false negative counts for one label or a whole set. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

/** Adds one example's predicted and gold sets to per-label counts and returns the example's own counts. */
export function addExample(
  perLabel: Map<string, Counts>,
  predicted: ReadonlySet<string>,
  gold: ReadonlySet<string>,
): Counts {
  const own = emptyCounts();
  const bump = (id: string, key: keyof Counts) => {
    const c = perLabel.get(id) ?? emptyCounts();
    c[key] += 1;
    perLabel.set(id, c);
    own[key] += 1;
  };
  for (const id of predicted) bump(id, gold.has(id) ? "tp" : "fp");
  for (const id of gold) if (!predicted.has(id)) bump(id, "fn");
  return own;
}

/** Precision, recall and F1 from counts; each is 0 when its denominator is 0. */
export function prf(c: Counts): PRF {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const f1 = ratio(2 * precision * recall, precision + recall);
  return { precision, recall, f1, tp: c.tp, fp: c.fp, fn: c.fn };
}

/** Sum of counts over labels (the micro average pools them before dividing). */
export function sumCounts(all: Iterable<Counts>): Counts {
  const total = emptyCounts();
  for (const c of all) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return total;
}
