import { fileURLToPath } from "node:url";
import { loadDevSet, loadOrTrainClassifier, type Classifier } from "../../src/classify/index.ts";
import type { Embedder } from "../../src/embed/types.ts";
import type { Vocabulary } from "../../src/vocab/types.ts";

/**
 * One trained-classifier cache for the whole suite. Training on the dev set embeds ~2,000 texts
 * (about a minute on 2 cores); the global setup trains once and every test that needs the real
 * classifier loads it from here. The cache key covers model, examples, keywords and version, so a
 * change to any of them retrains rather than reusing a stale state.
 */
export const SHARED_CLASSIFIER_CACHE = fileURLToPath(
  new URL("../../node_modules/.cache/chm-lens/classifier/", import.meta.url),
);

/** The classifier `npm start` would use (trained on the whole dev set), from the shared cache. */
export async function sharedClassifier(embedder: Embedder, vocab: Vocabulary): Promise<Classifier> {
  const examples = await loadDevSet(undefined, { vocab });
  return loadOrTrainClassifier({ embedder, vocab, examples, cacheDir: SHARED_CLASSIFIER_CACHE });
}
