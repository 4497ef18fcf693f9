import type { Config } from "../config.ts";
import { AppError } from "../errors.ts";
import type { Embedder } from "./types.ts";
import { createLocalEmbedder } from "./internal/local-embedder.ts";
import { createThreadedEmbedder } from "./internal/thread-pool.ts";

export type { EmbedCallOptions, Embedder, EmbedKind } from "./types.ts";
export { cosine, l2normalize } from "./vectors.ts";
export { pullModel, type PullOptions, type PullProgress, type PullResult } from "./internal/pull.ts";
export { MODEL_MANIFEST, type ManifestEntry, type ModelManifest } from "./internal/model-manifest.ts";
export type { UseRuntime } from "./internal/use-embedder.ts";
import type { UseRuntime } from "./internal/use-embedder.ts";

export interface EmbedderOptions {
  /** `use`: Universal Sentence Encoder lite, shipped on npm, English only. `transformers`: an ONNX model folder. */
  backend: "use" | "transformers";
  /** Folder holding transformers models as `<modelsDir>/<model>/`. */
  modelsDir: string;
  /** Model folder name for the transformers backend, e.g. `Xenova/multilingual-e5-small`. */
  model: string;
  /** Texts per forward pass. */
  batchSize: number;
  /** USE only (USE_RUNTIME): `onnx` (default), or the tfjs model on `wasm` or pure-JS `cpu` kernels. */
  useRuntime?: UseRuntime;
  /**
   * Worker threads running the encoder (EMBED_THREADS), each with its own copy of the model;
   * 0 or absent = in the calling thread (blocks its event loop while a batch runs).
   */
  threads?: number;
}

/**
 * Builds and loads an embedder; the model is loaded here once and reused by every `embed`.
 * Throws AppError `model_unavailable` when the model is missing or broken.
 *
 * @example
 * const embedder = await createEmbedder(embedderOptionsFromConfig(config));
 * const [q] = await embedder.embed(["marine protected areas"], "query");
 */
export async function createEmbedder(opts: EmbedderOptions): Promise<Embedder> {
  const { threads = 0, ...local } = opts;
  if (!Number.isInteger(threads) || threads < 0) {
    throw new AppError("config_invalid", `EMBED_THREADS must be a whole number ≥ 0, got ${threads}`);
  }
  if (!Number.isInteger(opts.batchSize) || opts.batchSize < 1) {
    throw new AppError("config_invalid", `Embedding batch size must be a positive integer, got ${opts.batchSize}`);
  }
  return threads > 0 ? createThreadedEmbedder(local, threads) : createLocalEmbedder(local);
}

/** The embedder options a parsed config asks for. */
export function embedderOptionsFromConfig(config: Config): EmbedderOptions {
  return {
    backend: config.EMBED_BACKEND,
    modelsDir: config.MODELS_DIR,
    model: config.EMBED_MODEL,
    batchSize: config.EMBED_BATCH_SIZE,
    threads: config.EMBED_THREADS,
    useRuntime: config.USE_RUNTIME,
  };
}
