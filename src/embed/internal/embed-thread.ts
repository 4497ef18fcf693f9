// The worker-thread side of the embedding pool: loads the encoder once, then embeds the batches
// the main thread posts, one at a time. See thread-pool.ts for the protocol.
import { parentPort, workerData } from "node:worker_threads";
import { toAppError } from "../../errors.ts";
import type { EmbedKind } from "../types.ts";
import { createLocalEmbedder, type LocalEmbedderOptions } from "./local-embedder.ts";

export interface EmbedRequest {
  id: number;
  texts: string[];
  kind: EmbedKind;
}

export type ThreadMessage =
  | { type: "ready"; modelId: string; dims: number; maxChars: number; multilingual: boolean }
  | { type: "failed"; error: SerializedError }
  | { type: "done"; id: number; vectors: Float32Array[] }
  | { type: "error"; id: number; error: SerializedError };

export interface SerializedError {
  code: string;
  message: string;
  details?: unknown;
}

const serialize = (e: unknown): SerializedError => {
  const err = toAppError(e);
  return { code: err.code, message: err.message, details: err.details };
};

const port = parentPort;
if (!port) throw new Error("embed-thread.ts runs only as a worker thread");

try {
  const embedder = await createLocalEmbedder(workerData as LocalEmbedderOptions);
  const { modelId, dims, maxChars, multilingual } = embedder;
  port.on("message", async (req: EmbedRequest) => {
    try {
      const vectors = await embedder.embed(req.texts, req.kind);
      const reply: ThreadMessage = { type: "done", id: req.id, vectors };
      // Moved, not copied; several vectors may share one buffer, and each may be moved only once.
      port.postMessage(reply, [...new Set(vectors.map((v) => v.buffer as ArrayBuffer))]);
    } catch (e) {
      port.postMessage({ type: "error", id: req.id, error: serialize(e) } satisfies ThreadMessage);
    }
  });
  port.postMessage({ type: "ready", modelId, dims, maxChars, multilingual } satisfies ThreadMessage);
} catch (e) {
  port.postMessage({ type: "failed", error: serialize(e) } satisfies ThreadMessage);
}
