import { AppError } from "../../errors.ts";
import type { Embedder } from "../types.ts";
import { createTransformersEmbedder } from "./transformers-embedder.ts";
import { createUseEmbedder, type UseRuntime } from "./use-embedder.ts";

/** What loads one encoder in the current thread (the pool's threads each load one). */
export interface LocalEmbedderOptions {
  backend: "use" | "transformers";
  modelsDir: string;
  model: string;
  batchSize: number;
  useRuntime?: UseRuntime;
}

/** Loads the configured encoder in this thread; `model_unavailable` when it cannot. */
export async function createLocalEmbedder(opts: LocalEmbedderOptions): Promise<Embedder> {
  if (!Number.isInteger(opts.batchSize) || opts.batchSize < 1) {
    throw new AppError("config_invalid", `Embedding batch size must be a positive integer, got ${opts.batchSize}`);
  }
  if (opts.backend === "use") return createUseEmbedder({ batchSize: opts.batchSize, runtime: opts.useRuntime });
  return createTransformersEmbedder({ modelsDir: opts.modelsDir, model: opts.model, batchSize: opts.batchSize });
}
