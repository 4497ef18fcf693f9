// A document reader thread (see document-reader.ts): reads and chunks one document at a time,
// off the main event loop and inside the heap limit it was started with.
import { parentPort } from "node:worker_threads";
import type { ReaderReply, ReaderRequest } from "./document-reader.ts";
import { readAndChunk } from "./read-and-chunk.ts";

const port = parentPort;
if (!port) throw new Error("prepare-thread.ts runs only as a worker thread");
const post = (m: ReaderReply) => port.postMessage(m);

port.on("message", async ({ id, bytes, options }: ReaderRequest) => {
  try {
    const { extracted, chunks } = await readAndChunk(bytes, options, (done, total) =>
      post({ id, type: "page", done, total }),
    );
    // The chunk texts are slices of the document text: send offsets only, the parent slices again.
    post({ id, type: "done", extracted, chunks: chunks.map(({ text: _, ...rest }) => rest) });
  } catch (e) {
    const err = e as { code: string; message: string; details?: unknown; transient?: boolean };
    post({
      id,
      type: "failed",
      error: { code: err.code, message: err.message, details: err.details, transient: err.transient ?? false },
    });
  }
});
post({ id: -1, type: "ready" });
