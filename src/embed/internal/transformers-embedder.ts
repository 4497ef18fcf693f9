import { access, readFile } from "node:fs/promises";
import { join, sep } from "node:path";
import { AppError } from "../../errors.ts";
import type { EmbedCallOptions, Embedder, EmbedKind } from "../types.ts";
import { l2normalize } from "../vectors.ts";
import { embedInLengthSortedBatches } from "./batching.ts";
import { findChecksumMismatches, readChecksums } from "./checksums.ts";
import { maxCharsFor, modelProfile } from "./model-profile.ts";

/** ONNX file → transformers.js dtype, in order of preference (full precision first). */
const ONNX_VARIANTS = [
  { file: "onnx/model.onnx", dtype: "fp32" },
  { file: "onnx/model_quantized.onnx", dtype: "q8" },
] as const;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

function unavailable(model: string, why: string, cause?: unknown): AppError {
  return new AppError(
    "model_unavailable",
    `Embedding model "${model}" is not usable: ${why}. Run \`npm run models:pull -- ${model}\` (or \`npm run models:tiny\` for a test model).`,
    { cause, details: { model } },
  );
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
}

interface FeatureExtractor {
  (texts: string[], options: { pooling: "mean"; normalize: boolean }): Promise<{ dims: number[]; data: Float32Array }>;
  dispose(): Promise<unknown>;
}

/**
 * A transformers.js feature-extraction model from `<modelsDir>/<model>`, never from the
 * network: mean-pooled, normalised sentence vectors, with the model's own prefixes applied.
 */
export async function createTransformersEmbedder(opts: {
  modelsDir: string;
  model: string;
  batchSize: number;
}): Promise<Embedder> {
  const { modelsDir, model } = opts;
  const dir = join(modelsDir, model);
  if (!(await exists(join(dir, "config.json")))) throw unavailable(model, `no model folder at ${dir}`);
  const variant = (
    await Promise.all(ONNX_VARIANTS.map(async (v) => ((await exists(join(dir, v.file))) ? v : null)))
  ).find((v) => v !== null);
  if (!variant) throw unavailable(model, `no onnx/model.onnx or onnx/model_quantized.onnx in ${dir}`);

  const checksums = await readChecksums(dir).catch((cause) => {
    throw unavailable(model, "checksums.json is unreadable", cause);
  });
  if (checksums) {
    const bad = await findChecksumMismatches(dir, checksums);
    if (bad.length > 0) throw unavailable(model, `files differ from checksums.json: ${bad.join(", ")}`);
  }

  let config: Record<string, unknown>;
  let tokenizerConfig: Record<string, unknown>;
  let extractor: FeatureExtractor;
  try {
    config = await readJson(join(dir, "config.json"));
    tokenizerConfig = await readJson(join(dir, "tokenizer_config.json")).catch(() => ({}));
    const { env, pipeline } = await import("@huggingface/transformers");
    // transformers.js keeps these settings in one module-level object; set them right before
    // loading so each embedder reads from its own folder.
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = modelsDir.endsWith(sep) ? modelsDir : modelsDir + sep;
    extractor = (await pipeline("feature-extraction", model, { dtype: variant.dtype })) as unknown as FeatureExtractor;
  } catch (cause) {
    throw unavailable(model, `loading failed (${cause instanceof Error ? cause.message : String(cause)})`, cause);
  }

  const profile = modelProfile(model);
  const embedBatch = async (batch: string[]): Promise<Float32Array[]> => {
    const output = await extractor(batch, { pooling: "mean", normalize: true });
    const width = output.dims[1] ?? 0;
    return batch.map((_, row) => l2normalize(output.data.subarray(row * width, (row + 1) * width)));
  };
  const [probe] = await embedBatch(["dimension probe"]);

  return {
    modelId: `${model}:${variant.dtype}@${checksums?.revision ?? "local"}`,
    dims: probe?.length ?? 0,
    maxChars: maxCharsFor(config, tokenizerConfig),
    multilingual: profile.multilingual,
    async embed(texts: string[], kind: EmbedKind, options?: EmbedCallOptions): Promise<Float32Array[]> {
      const prefix = kind === "query" ? profile.queryPrefix : profile.passagePrefix;
      return embedInLengthSortedBatches(
        texts.map((t) => prefix + t),
        opts.batchSize,
        embedBatch,
        options,
      );
    },
    async close(): Promise<void> {
      await extractor.dispose();
    },
  };
}
