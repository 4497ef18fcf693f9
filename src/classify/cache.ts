import { createHash } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Embedder } from "../embed/types.ts";
import type { Vocabulary } from "../vocab/types.ts";
import { readCachedState } from "./internal/cached-state.ts";
import { CLASSIFIER_VERSION } from "./internal/state.ts";
import { createClassifierTrainer, type TrainerOptions } from "./trainer.ts";
import type { Classifier, LabelledExample } from "./types.ts";

export interface LoadOrTrainInput {
  embedder: Embedder;
  vocab: Vocabulary;
  examples: LabelledExample[];
  /** Where trained states are kept as JSON; without it the classifier is trained every time. */
  cacheDir?: string;
  /** Told when a cached state is invalid and ignored (it is then retrained and rewritten). */
  logger?: { warn(obj: object, msg: string): void };
  options?: TrainerOptions;
}

/**
 * Returns a trained classifier, reusing the state cached in `cacheDir` when the embedder, the
 * examples, the keywords and the classifier version are the same, so a server start does not
 * retrain. A cache file that is not JSON or fails the state schema is logged, ignored and rewritten.
 */
export async function loadOrTrainClassifier(input: LoadOrTrainInput): Promise<Classifier> {
  const trainer = createClassifierTrainer({ embedder: input.embedder, vocab: input.vocab, options: input.options });
  if (!input.cacheDir) return trainer.train(input.examples);
  const keywords = await trainer.keywords();
  const hash = createHash("sha256")
    .update(JSON.stringify({ v: CLASSIFIER_VERSION, m: input.embedder.modelId, o: input.options ?? {} }))
    .update(JSON.stringify(input.examples.map((e) => [e.id, e.text, e.labels, e.key ?? null])))
    .update(JSON.stringify([...keywords]))
    .digest("hex")
    .slice(0, 16);
  const safeModel = input.embedder.modelId.replace(/[^\w.@-]+/g, "_");
  const file = join(input.cacheDir, `classifier-${safeModel}-${hash}.json`);
  const cached = await readCachedState(file, input.embedder.modelId, input.logger);
  if (cached) return trainer.fromState(cached);
  const { classifier, state } = await trainer.trainState(input.examples);
  await mkdir(input.cacheDir, { recursive: true });
  // Write then rename so a crash mid-write never leaves a half file that later loads.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(state));
  await rename(tmp, file);
  return classifier;
}
