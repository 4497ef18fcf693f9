import { Worker } from "node:worker_threads";
import type { Chunk } from "../chunk/index.ts";
import { AppError, type ErrorCode } from "../errors.ts";
import type { ExtractedDocument } from "../extract/types.ts";
import type { PrepareCallOptions, PreparedDocument, PrepareOptions } from "./prepare-document.ts";
import { outOfHeap } from "./read-and-chunk.ts";

/** Reads and chunks documents in worker threads; `close` stops them. */
export interface DocumentReader {
  read(bytes: Uint8Array, opts: PrepareOptions, call?: PrepareCallOptions): Promise<PreparedDocument>;
  close(): Promise<void>;
}

/** @internal What a reader thread gets and sends back. */
export interface ReaderRequest {
  id: number;
  bytes: Uint8Array;
  options: PrepareOptions;
}

/** @internal */
export type ReaderReply =
  | { id: number; type: "ready" }
  | { id: number; type: "page"; done: number; total: number }
  | { id: number; type: "done"; extracted: ExtractedDocument; chunks: Array<Omit<Chunk, "text">> }
  | { id: number; type: "failed"; error: { code: string; message: string; details: unknown; transient: boolean } };

interface Job {
  id: number;
  bytes: Uint8Array;
  opts: PrepareOptions;
  call: PrepareCallOptions;
  resolve(doc: PreparedDocument): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
  dead: boolean;
}

const BOOT = new URL("./prepare-thread-boot.mjs", import.meta.url);
/** Past EXTRACT_TIMEOUT_MS the thread's own timer reports; this much later the thread is stopped. */
const KILL_GRACE_MS = 5000;

/**
 * Up to `threads` worker threads that read (extract) and chunk documents, kept warm between
 * documents (loading the parsers takes seconds). Parsing a large or hostile file (a 24 MB one-line
 * HTML, a DOCX bomb, a huge PDF stream) never blocks the caller's event loop; each thread's heap is
 * capped at `heapMb`, so a document that exhausts it fails `too_large` and only that thread dies.
 * A thread past EXTRACT_TIMEOUT_MS (stuck in synchronous parsing) or whose caller aborted is
 * stopped and replaced on demand.
 */
export function createDocumentReader(opts: { threads: number; heapMb: number }): DocumentReader {
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(BOOT, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: opts.heapMb, maxYoungGenerationSizeMb: Math.min(64, opts.heapMb / 4) },
    });
    const slot: Slot = { worker, dead: false };
    worker.unref();
    worker.on("message", (m: ReaderReply) => onReply(slot, m));
    worker.on("error", (e: Error & { code?: string }) =>
      retire(
        slot,
        e.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? outOfHeap(opts.heapMb)
          : new AppError("extraction_failed", `The document could not be read: ${e.message}`, { cause: e }),
      ),
    );
    worker.on("exit", (code) =>
      retire(slot, new AppError("extraction_failed", `The document reader stopped (exit code ${code}).`)),
    );
    slots.push(slot);
    return slot;
  };

  function onReply(slot: Slot, m: ReaderReply): void {
    const job = slot.job;
    if (!job || m.id !== job.id) return;
    if (m.type === "page") {
      job.call.onPage?.(m.done, m.total);
      return;
    }
    if (m.type === "ready") return;
    release(slot);
    if (m.type === "failed") {
      const { code, message, details, transient } = m.error;
      job.reject(new AppError(code as ErrorCode, message, { details, transient }));
    } else {
      const { extracted } = m;
      const chunks = m.chunks.map((c) => ({ ...c, text: extracted.text.slice(c.charStart, c.charEnd) }));
      job.resolve({ extracted, chunks });
    }
    pump();
  }

  /** The slot is free again: stop its timer and let the process exit while it idles. */
  function release(slot: Slot): void {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    job?.call.signal?.removeEventListener("abort", abortOf.get(job)!);
    slot.worker.unref();
  }

  /** A thread died or must die: fail its document with `error`, drop it; the next read starts another. */
  function retire(slot: Slot, error: unknown): void {
    if (slot.dead) return;
    slot.dead = true;
    slots.splice(slots.indexOf(slot), 1);
    const job = slot.job;
    release(slot);
    void slot.worker.terminate();
    job?.reject(error);
    pump();
  }

  const abortOf = new WeakMap<Job, () => void>();

  function pump(): void {
    while (!closed && queue.length > 0) {
      const slot = slots.find((s) => !s.job && !s.dead) ?? (slots.length < opts.threads ? spawn() : undefined);
      if (!slot) return;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      // A parser stuck in synchronous work never sees its own timer; stopping the thread always works.
      slot.timer = setTimeout(
        () =>
          retire(
            slot,
            new AppError(
              "timeout",
              `Reading the document took longer than ${Math.round(job.opts.extract.timeoutMs / 1000)} s and was stopped.`,
              { details: { limit: "EXTRACT_TIMEOUT_MS" } },
            ),
          ),
        job.opts.extract.timeoutMs + KILL_GRACE_MS,
      );
      job.call.signal?.removeEventListener("abort", abortOf.get(job)!);
      const onAbort = () => retire(slot, job.call.signal?.reason);
      abortOf.set(job, onAbort);
      job.call.signal?.addEventListener("abort", onAbort, { once: true });
      slot.worker.postMessage({ id: job.id, bytes: job.bytes, options: job.opts } satisfies ReaderRequest);
    }
  }

  // One thread starts loading now, so the first document does not wait for the parsers to load.
  if (opts.threads > 0) spawn();

  return {
    read(bytes, readOpts, call = {}) {
      if (closed) return Promise.reject(new AppError("internal", "The document reader is closed"));
      if (call.signal?.aborted) return Promise.reject(call.signal.reason);
      return new Promise<PreparedDocument>((resolve, reject) => {
        const job: Job = { id: nextId++, bytes, opts: readOpts, call, resolve, reject };
        const onAbort = () => {
          const at = queue.indexOf(job);
          if (at >= 0) queue.splice(at, 1);
          reject(call.signal?.reason);
        };
        // While queued, an abort just removes the job; once running, pump() swaps in a handler that stops the thread.
        call.signal?.addEventListener("abort", onAbort, { once: true });
        abortOf.set(job, onAbort);
        queue.push(job);
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new AppError("internal", "The document reader was closed"));
      const workers = slots.map((s) => s.worker);
      for (const slot of [...slots]) retire(slot, new AppError("internal", "The document reader was closed"));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
