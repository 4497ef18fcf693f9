import { createEmbedder } from "../src/embed/index.ts";
import { loadVocabulary } from "../src/vocab/index.ts";
import { sharedClassifier } from "./helpers/shared-classifier.ts";

/** Trains the real classifier once before the test files run in parallel (see shared-classifier.ts). */
export default async function setup(): Promise<void> {
  const embedder = await createEmbedder({ backend: "use", modelsDir: "", model: "", batchSize: 32 });
  try {
    await sharedClassifier(embedder, await loadVocabulary());
  } finally {
    await embedder.close?.();
  }
}
