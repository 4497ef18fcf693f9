import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Embedder } from "../embed/types.ts";
import type { Vocabulary } from "../vocab/types.ts";
import { CLASSIFIER_VERSION, type ClassifierState } from "./internal/state.ts";
import { createClassifierTrainer, type TrainerOptions } from "./trainer.ts";
import type { Classifier, LabelledExample } from "./types.ts";

export interface LoadOrTrainInput {
  embedder: Embedder;
  vocab: Vocabulary;
  examples: LabelledExample[];
  /** Where trained states are kept as JSON; without it the classifier is trained every time. */
  cacheDir?: string;
  options?: TrainerOptions;
}

/**
 * Returns a trained classifier, reusing the state cached in `cacheDir` when the embedder, the
 * examples, the keywords and the classifier version are the same, so a server start does not
 * retrain. A corrupt cache file is ignored and rewritten.
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
  try {
    const state = JSON.parse(await readFile(file, "utf8")) as ClassifierState;
    if (state.version === CLASSIFIER_VERSION && state.modelId === input.embedder.modelId)
      return trainer.fromState(state);
  } catch {
    // Missing or unreadable: train below.
  }
  const { classifier, state } = await trainer.trainState(input.examples);
  await mkdir(input.cacheDir, { recursive: true });
  // Write then rename so a crash mid-write never leaves a half file that later loads.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(state));
  await rename(tmp, file);
  return classifier;
}
