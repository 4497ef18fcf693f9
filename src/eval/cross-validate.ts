import type { ClassifierTrainer, LabelledExample } from "../classify/types.ts";
import { AppError } from "../errors.ts";
import { mulberry32 } from "./prng.ts";
import type { EvalRecord } from "./types.ts";

export interface Fold {
  train: LabelledExample[];
  test: LabelledExample[];
}

/**
 * Splits examples into k folds, keeping every example that shares a `key` (the translations of
 * one question) in the same fold, so a model is never scored on a translation of its training
 * text. Groups are shuffled with `seed`, then each goes to the currently smallest fold. An
 * example without `key` is its own group. k is capped at the number of groups.
 *
 * @example groupedKFold(devSet, 5, 42).map((f) => f.test.length)
 */
export function groupedKFold(examples: LabelledExample[], k = 5, seed = 42): Fold[] {
  const groups = new Map<string, LabelledExample[]>();
  for (const ex of examples) {
    const key = ex.key ?? `id:${ex.id}`;
    groups.set(key, [...(groups.get(key) ?? []), ex]);
  }
  if (groups.size < 2) {
    throw new AppError("bad_request", `Cross-validation needs at least 2 groups of examples, got ${groups.size}`);
  }
  const folds = Math.min(Math.max(2, Math.floor(k)), groups.size);
  // Sort before shuffling so the result does not depend on input order.
  const keys = [...groups.keys()].sort();
  const rand = mulberry32(seed);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const tests: LabelledExample[][] = Array.from({ length: folds }, () => []);
  for (const key of keys) {
    let smallest = 0;
    for (let f = 1; f < folds; f++) if (tests[f]!.length < tests[smallest]!.length) smallest = f;
    tests[smallest]!.push(...groups.get(key)!);
  }
  return tests.map((test) => {
    const held = new Set(test);
    return { train: examples.filter((ex) => !held.has(ex)), test };
  });
}

export interface CrossValidateInput {
  trainer: ClassifierTrainer;
  examples: LabelledExample[];
  k?: number;
  seed?: number;
  /** Added to every fold's training set, never scored (e.g. the GBF dev set when the SDGs are evaluated). */
  alwaysTrain?: LabelledExample[];
  /** Called after each fold is scored, e.g. to print progress. */
  onFold?: (fold: number, folds: number) => void;
}

/**
 * Grouped k-fold cross-validation: for each fold, trains a classifier on the other folds (so
 * thresholds and everything else are fitted without the scored texts) and classifies the
 * held-out texts. Returns one record per example, in input order.
 */
export async function crossValidate(input: CrossValidateInput): Promise<EvalRecord[]> {
  const folds = groupedKFold(input.examples, input.k ?? 5, input.seed ?? 42);
  const byExample = new Map<LabelledExample, EvalRecord>();
  for (const [fold, { train, test }] of folds.entries()) {
    const classifier = await input.trainer.train([...(input.alwaysTrain ?? []), ...train]);
    for (const example of test) {
      const result = await classifier.classifyText(example.text);
      byExample.set(example, { example, result, fold });
    }
    input.onFold?.(fold + 1, folds.length);
  }
  return input.examples.map((ex) => byExample.get(ex)!);
}
