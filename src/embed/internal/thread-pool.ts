import { Worker } from "node:worker_threads";
import { AppError, type ErrorCode } from "../../errors.ts";
import type { EmbedCallOptions, Embedder, EmbedKind } from "../types.ts";
import type { SerializedError, ThreadMessage } from "./embed-thread.ts";
import type { LocalEmbedderOptions } from "./local-embedder.ts";

interface Call {
  kind: EmbedKind;
  texts: string[];
  onProgress: ((embedded: number) => void) | undefined;
  pending: Batch[];
  remaining: number;
  out: Float32Array[];
  settled: boolean;
  resolve(vectors: Float32Array[]): void;
  reject(error: unknown): void;
}

interface Batch {
  call: Call;
  indices: number[];
}

interface Slot {
  worker: Worker;
  ready: boolean;
  running?: { id: number; batch: Batch };
  /** Called once the running batch is back (close() waits for it). */
  onIdle?: () => void;
}

/** How long close() waits for batches already inside the model before terminating the threads. */
const CLOSE_WAIT_MS = 15_000;

type Meta = Extract<ThreadMessage, { type: "ready" }>;

const BOOT = new URL("./thread-boot.mjs", import.meta.url);

const appError = (e: SerializedError) =>
  new AppError(e.code as ErrorCode, e.message, e.details === undefined ? {} : { details: e.details });

/**
 * A call's batches, as indices into `texts`: length-sorted, so padding to the longest text in a
 * batch wastes little work, and at most `batchSize` each. A call smaller than a batch per thread
 * is spread over the threads: a 1,300-character abstract's six windows went to one thread while
 * the other idled (bench:classify).
 */
export function planBatches(texts: string[], batchSize: number, threads: number): number[][] {
  const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length || a - b);
  const size = Math.max(1, Math.min(batchSize, Math.ceil(order.length / Math.max(1, threads))));
  const out: number[][] = [];
  for (let i = 0; i < order.length; i += size) out.push(order.slice(i, i + size));
  return out;
}

/**
 * An Embedder that runs the encoder in `threads` worker threads, each holding its own copy of the
 * model, so embedding never blocks the event loop (the API keeps answering while a document
 * embeds) and both cores work. A call is cut into length-sorted batches of `batchSize`; idle
 * threads take the next batch, query embeddings first (a search waits at most for the batches
 * already running), then the open calls in turn (one long document does not starve a short
 * classify request). A call's AbortSignal drops its batches not yet started. A thread that dies
 * fails the call it was serving and is replaced.
 */
export async function createThreadedEmbedder(opts: LocalEmbedderOptions, threads: number): Promise<Embedder> {
  const calls: Call[] = [];
  let turn = 0;
  let nextId = 0;
  let closed = false;
  let meta: Meta | undefined;

  const spawn = (): { slot: Slot; loaded: Promise<Meta> } => {
    const worker = new Worker(BOOT, { workerData: opts, execArgv: [] });
    const slot: Slot = { worker, ready: false };
    const loaded = new Promise<Meta>((resolve, reject) => {
      worker.on("message", (msg: ThreadMessage) => {
        if (msg.type === "ready") {
          slot.ready = true;
          worker.unref();
          resolve(msg);
          dispatch();
        } else if (msg.type === "failed") reject(appError(msg.error));
        else finish(slot, msg);
      });
      worker.on("error", (e) => {
        reject(new AppError("model_unavailable", `The embedding thread failed: ${e.message}`, { cause: e }));
        lost(slot, e);
      });
      worker.on("exit", (code) => {
        reject(new AppError("model_unavailable", `The embedding thread exited (code ${code}) while loading`));
        lost(slot, new Error(`exit code ${code}`));
      });
    });
    return { slot, loaded };
  };

  const slots: Slot[] = [];
  const started = Array.from({ length: threads }, () => spawn());
  slots.push(...started.map((s) => s.slot));
  try {
    [meta] = await Promise.all(started.map((s) => s.loaded));
  } catch (e) {
    closed = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw e;
  }

  function finish(slot: Slot, msg: Extract<ThreadMessage, { type: "done" | "error" }>): void {
    const running = slot.running;
    slot.running = undefined;
    slot.worker.unref();
    slot.onIdle?.();
    if (running && running.id === msg.id && !running.batch.call.settled) {
      const { call, indices } = running.batch;
      if (msg.type === "error") settle(call, appError(msg.error));
      else {
        indices.forEach((original, k) => {
          call.out[original] = msg.vectors[k]!;
        });
        call.remaining -= indices.length;
        call.onProgress?.(call.texts.length - call.remaining);
        if (call.remaining === 0) settle(call);
      }
    }
    dispatch();
  }

  /** A thread crashed or exited: fail what it was running and start a replacement. */
  function lost(slot: Slot, cause: Error): void {
    const index = slots.indexOf(slot);
    if (index < 0) return;
    slots.splice(index, 1);
    const call = slot.running?.batch.call;
    if (call && !call.settled) {
      settle(call, new AppError("internal", `The embedding thread stopped: ${cause.message}`, { cause }));
    }
    // Replace a thread that was working; one that never loaded would only fail again.
    if (!closed && slot.ready) {
      const replacement = spawn();
      slots.push(replacement.slot);
      replacement.loaded.catch(() => undefined);
    }
    if (slots.length === 0) {
      for (const c of [...calls]) settle(c, new AppError("model_unavailable", "No embedding thread is running"));
    }
  }

  function whenIdle(slot: Slot): Promise<void> {
    if (!slot.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CLOSE_WAIT_MS);
      slot.onIdle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  function settle(call: Call, error?: unknown): void {
    if (call.settled) return;
    call.settled = true;
    calls.splice(calls.indexOf(call), 1);
    if (error === undefined) call.resolve(call.out);
    else call.reject(error);
  }

  function nextBatch(): Batch | undefined {
    const query = calls.find((c) => c.kind === "query" && c.pending.length > 0);
    if (query) return query.pending.shift();
    for (let k = 0; k < calls.length; k++) {
      const call = calls[(turn + k) % calls.length]!;
      if (call.pending.length > 0) {
        turn = (turn + k + 1) % calls.length;
        return call.pending.shift();
      }
    }
    return undefined;
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (!slot.ready || slot.running) continue;
      const batch = nextBatch();
      if (!batch) return;
      const id = nextId++;
      slot.running = { id, batch };
      // A busy thread keeps the process alive until its batch is back; an idle one does not.
      slot.worker.ref();
      slot.worker.postMessage({ id, texts: batch.indices.map((i) => batch.call.texts[i]!), kind: batch.call.kind });
    }
  }

  return {
    modelId: meta!.modelId,
    dims: meta!.dims,
    maxChars: meta!.maxChars,
    multilingual: meta!.multilingual,
    embed(input: string[], kind: EmbedKind, options: EmbedCallOptions = {}): Promise<Float32Array[]> {
      const { signal } = options;
      if (closed || slots.length === 0) {
        return Promise.reject(new AppError("model_unavailable", "The embedder is closed"));
      }
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (input.length === 0) return Promise.resolve([]);
      return new Promise<Float32Array[]>((resolve, reject) => {
        const call: Call = {
          kind,
          texts: input,
          onProgress: options.onProgress,
          pending: [],
          remaining: input.length,
          out: new Array<Float32Array>(input.length),
          settled: false,
          resolve,
          reject,
        };
        for (const indices of planBatches(input, opts.batchSize, slots.length)) call.pending.push({ call, indices });
        signal?.addEventListener("abort", () => settle(call, signal.reason), { once: true });
        calls.push(call);
        dispatch();
      });
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      for (const call of [...calls]) settle(call, new AppError("model_unavailable", "The embedder was closed"));
      // A thread terminated inside onnxruntime's run aborts the whole process when the run's native
      // callback finds its environment gone (Napi::Error → std::terminate): let running batches end.
      await Promise.all(slots.map((s) => whenIdle(s)));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
