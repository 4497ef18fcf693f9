import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { fakeEmbedder, ingestFixture, PARAGRAPHS, text, type IngestFixture } from "./internal/fakes.ts";
import { createEmbeddedQueue } from "./queue.ts";
import { createWorker, type WorkerDeps } from "./worker.ts";

let fx: IngestFixture;
beforeEach(async () => {
  fx = await ingestFixture();
});
afterEach(() => fx.cleanup());

const T0 = new Date("2030-01-01T00:00:00.000Z");

function setup(over: Partial<WorkerDeps> = {}) {
  let clock = T0;
  const config = over.config ?? fx.config;
  const queue = createEmbeddedQueue({
    store: fx.store,
    maxAttempts: config.JOB_MAX_ATTEMPTS,
    backoffMs: config.JOB_BACKOFF_MS,
    leaseMs: config.JOB_LEASE_MS,
    now: () => clock,
  });
  const worker = createWorker({
    store: fx.store,
    embedder: fakeEmbedder(),
    config,
    logger: fx.logger,
    queue,
    ...over,
  });
  return { queue, worker, setClock: (d: Date) => (clock = d) };
}

/** An embedder that fails the way `fail` says for texts containing `marker`. */
function failingOn(marker: string, fail: () => Error) {
  const base = fakeEmbedder();
  return fakeEmbedder({
    embed: async (texts, kind) => {
      if (texts.some((t) => t.includes(marker))) throw fail();
      return base.embed(texts, kind);
    },
  });
}

describe("createWorker", () => {
  it("runs a queued job to done and stores the document with its chunks", async () => {
    const { queue, worker } = setup();
    const job = await queue.enqueue({
      bytes: text(PARAGRAPHS),
      meta: { filename: "notes.txt" },
      documentKey: "notes.txt",
    });
    const outcome = await worker.runOnce();
    expect(outcome?.job).toMatchObject({ id: job.id, state: "done", attempts: 1 });
    const stored = await queue.get(job.id);
    expect(stored?.state).toBe("done");
    const doc = await fx.store.documents.get(stored!.documentId!);
    expect(doc).toMatchObject({ mediaType: "text/plain", pageCount: 1, filename: "notes.txt", language: "en" });
    expect((await fx.store.chunks.forDocument(doc!.id)).length).toBe(doc!.chunkCount);
    expect(await worker.runOnce()).toBeUndefined();
  });

  it("fails bad input at once, without retrying", async () => {
    const { queue, worker } = setup();
    const job = await queue.enqueue({ bytes: new Uint8Array(0), meta: {} });
    const outcome = await worker.runOnce();
    expect(outcome?.error?.code).toBe("empty_file");
    expect(await queue.get(job.id)).toMatchObject({ state: "failed", attempts: 1, errorCode: "empty_file" });
    expect(await worker.runOnce()).toBeUndefined();
  });

  it("retries a transient failure with exponential backoff, then fails after the last attempt", async () => {
    const embedder = failingOn("wetlands", () => new AppError("model_unavailable", "model busy", { transient: true }));
    const { queue, worker, setClock } = setup({ embedder });
    const job = await queue.enqueue({ bytes: text(PARAGRAPHS), meta: {} });
    const backoff = fx.config.JOB_BACKOFF_MS;

    await worker.runOnce();
    let stored = await queue.get(job.id);
    expect(stored).toMatchObject({ state: "queued", attempts: 1, errorCode: "model_unavailable" });
    expect(Date.parse(stored!.notBefore) - T0.getTime()).toBe(backoff);
    // Not due yet: nothing to claim.
    expect(await worker.runOnce()).toBeUndefined();

    const t1 = new Date(T0.getTime() + backoff);
    setClock(t1);
    await worker.runOnce();
    stored = await queue.get(job.id);
    expect(stored).toMatchObject({ state: "queued", attempts: 2 });
    expect(Date.parse(stored!.notBefore) - t1.getTime()).toBe(2 * backoff);

    setClock(new Date(t1.getTime() + 2 * backoff));
    await worker.runOnce();
    expect(await queue.get(job.id)).toMatchObject({ state: "failed", attempts: 3, errorCode: "model_unavailable" });
  });

  it("treats an I/O error (errno) as transient", async () => {
    // A system error carries an errno; a plain Error from a CPU stage is deterministic (test/limits.test.ts).
    const embedder = failingOn("wetlands", () =>
      Object.assign(new Error("EIO: disk hiccup"), { code: "EIO", errno: -5 }),
    );
    const { queue, worker } = setup({ embedder });
    const job = await queue.enqueue({ bytes: text(PARAGRAPHS), meta: {} });
    await worker.runOnce();
    expect(await queue.get(job.id)).toMatchObject({
      state: "queued",
      errorCode: "internal",
      errorMessage: "EIO: disk hiccup",
    });
  });

  it("changes nothing stored when a job for an existing document fails", async () => {
    const embedder = failingOn("POISON", () => new AppError("extraction_failed", "cannot read"));
    const { queue, worker } = setup({ embedder });
    await queue.enqueue({ bytes: text(PARAGRAPHS), meta: {}, documentKey: "report.txt" });
    const first = await worker.runOnce();
    const docId = first!.job.documentId!;
    const before = { doc: await fx.store.documents.get(docId), chunks: await fx.store.chunks.forDocument(docId) };

    await queue.enqueue({ bytes: text(`${PARAGRAPHS}\n\nPOISON paragraph`), meta: {}, documentKey: "report.txt" });
    expect((await worker.runOnce())?.job.state).toBe("failed");
    expect(await fx.store.documents.get(docId)).toEqual(before.doc);
    expect(await fx.store.chunks.forDocument(docId)).toEqual(before.chunks);
    expect(await fx.store.documents.count()).toBe(1);
  });

  it("times out a slow job, fails it (a timeout is not retried) and never writes its document", async () => {
    // The embedder holds the job until the job's own signal fires (the timeout), then hands back
    // vectors; `abandoned` resolves when the pipeline checks that signal and stops. Both are events,
    // so the test waits on them instead of sleeping, then asserts nothing was written.
    let stopped: (reason: unknown) => void = () => {};
    const abandoned = new Promise<unknown>((r) => (stopped = r));
    const base = fakeEmbedder();
    const embedder = fakeEmbedder({
      embed: async (t, k, opts) => {
        const signal = opts?.signal;
        if (!signal) throw new Error("the pipeline must pass the job's signal to the embedder");
        const check = signal.throwIfAborted.bind(signal);
        signal.throwIfAborted = () => {
          try {
            check();
          } catch (reason) {
            stopped(reason);
            throw reason;
          }
        };
        if (!signal.aborted) await new Promise((r) => signal.addEventListener("abort", r, { once: true }));
        return base.embed(t, k);
      },
    });
    // Long enough for the reader to finish, so the limit is reached while embedding.
    const config = { ...fx.config, JOB_TIMEOUT_MS: 2000 };
    const { queue, worker } = setup({ embedder, config });
    const job = await queue.enqueue({ bytes: text(PARAGRAPHS), meta: {} });
    expect((await worker.runOnce())?.error?.code).toBe("timeout");
    expect(await abandoned).toMatchObject({ code: "timeout" });
    expect(await queue.get(job.id)).toMatchObject({ state: "failed", errorCode: "timeout" });
    expect(await fx.store.documents.count()).toBe(0);
  });

  it("keeps going after a failed job when started, and stops gracefully", async () => {
    const seen: string[] = [];
    const worker = createWorker({
      store: fx.store,
      embedder: fakeEmbedder(),
      config: fx.config,
      logger: fx.logger,
      onProgress: (p) => seen.push(p.stage),
    });
    const queue = createEmbeddedQueue({ store: fx.store, maxAttempts: 3 });
    const bad = await queue.enqueue({ bytes: new Uint8Array([0, 159, 146, 150, 0, 1, 2, 3]), meta: {} });
    const good = await queue.enqueue({ bytes: text(PARAGRAPHS), meta: {} });
    worker.start();
    await expect.poll(async () => (await queue.get(good.id))?.state, { timeout: 20_000, interval: 50 }).toBe("done");
    await worker.stop();
    expect(worker.running).toBe(false);
    expect((await queue.get(bad.id))?.state).toBe("failed");
    expect(seen).toContain("stored");
  });
});
