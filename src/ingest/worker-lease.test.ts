// Leases, the DATA_DIR worker lock, recovery after a crash, progress and a store that cannot write.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import type { DocumentStore } from "../store/types.ts";
import { fakeEmbedder, ingestFixture, PARAGRAPHS, text, type IngestFixture } from "./internal/fakes.ts";
import { loopDelayMs } from "./internal/settle.ts";
import { createEmbeddedQueue, type EmbeddedQueueDeps } from "./queue.ts";
import { createWorker } from "./worker.ts";

let fx: IngestFixture;
beforeEach(async () => {
  fx = await ingestFixture({ JOB_LEASE_MS: 300, JOB_POLL_MS: 10 });
});
afterEach(() => fx.cleanup());

const queueOn = (over: Partial<EmbeddedQueueDeps> = {}) =>
  createEmbeddedQueue({ store: fx.store, maxAttempts: 3, leaseMs: 300, backoffMs: 1000, ...over });

/** An embedder that waits for `release()`, to hold a job mid-pipeline; `inside` resolves on entry. */
function gated() {
  let release: () => void = () => {};
  let entered: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const inside = new Promise<void>((r) => (entered = r));
  const base = fakeEmbedder();
  const embedder = fakeEmbedder({
    embed: async (t, k) => {
      entered();
      await gate;
      return base.embed(t, k);
    },
  });
  return { embedder, release, inside };
}

describe("leases", () => {
  it("refuses the outcome of a worker whose job was taken over, and lets the new holder finish", async () => {
    let clock = new Date("2030-01-01T00:00:00.000Z");
    const now = () => clock;
    const qa = queueOn({ now });
    const qb = queueOn({ now });
    const job = await qa.enqueue({ bytes: text(PARAGRAPHS), meta: {} });
    const slow = gated();
    const a = createWorker({ ...fx, embedder: slow.embedder, queue: qa });
    const running = a.runOnce();
    await slow.inside;
    // A stalls past its lease; B takes the job and finishes it.
    clock = new Date(clock.getTime() + 10 * 60_000);
    const b = createWorker({ ...fx, embedder: fakeEmbedder(), queue: qb });
    expect(await b.runOnce()).toMatchObject({ job: { id: job.id, state: "done", attempts: 2 } });
    slow.release();
    const late = await running;
    expect(late?.error?.code).toBe("conflict");
    expect(await qa.get(job.id)).toMatchObject({ state: "done", attempts: 2 });
    const doc = (await fx.store.documents.list())[0]!;
    expect((await fx.store.chunks.forDocument(doc.id)).length).toBe(doc.chunkCount);
  });

  it("saves the pipeline's progress with each lease renewal while the job runs", async () => {
    const q = queueOn();
    const job = await q.enqueue({ bytes: text(PARAGRAPHS), meta: {} });
    const slow = gated();
    const w = createWorker({ ...fx, embedder: slow.embedder, queue: q });
    const running = w.runOnce();
    await slow.inside;
    await expect
      .poll(async () => (await q.get(job.id))?.progress, { timeout: 10_000, interval: 50 })
      .toMatchObject({ stage: expect.any(String), chunks: expect.any(Number) });
    const mid = await q.get(job.id);
    expect(mid?.state).toBe("running");
    expect(Date.parse(mid!.leaseUntil!)).toBeGreaterThan(Date.parse(mid!.progress!.at));
    slow.release();
    expect((await running)?.job.state).toBe("done");
    expect((await q.get(job.id))?.progress).toBeUndefined();
  });
});

describe("one worker per DATA_DIR", () => {
  it("keeps a second worker on standby while the first holds the lock, then lets it take over", async () => {
    const events: string[] = [];
    const first = queueOn({ lockDir: fx.config.DATA_DIR });
    const second = queueOn({ lockDir: fx.config.DATA_DIR, onEvent: (e) => events.push(e.type) });
    await first.enqueue({ bytes: text("one wetland"), meta: {} });
    await first.enqueue({ bytes: text("two wetlands"), meta: {} });
    expect(await first.claim("w1")).toBeDefined();
    expect(await second.claim("w2")).toBeUndefined();
    expect(events).toEqual(["standby"]);
    await first.close();
    // The first worker's job is still `running`, but its worker is gone: taken back at once.
    const taken = await second.claim("w2");
    expect(taken?.job.state).toBe("running");
    expect(events).toEqual(["standby", "recovered"]);
    expect((await second.list({ state: "running" })).length).toBe(1);
    expect((await second.list({ state: "queued" })).length).toBe(1);
    await second.close();
  });

  it("fails a recovered job that had used its last attempt instead of running it forever", async () => {
    const q = queueOn({ lockDir: fx.config.DATA_DIR, maxAttempts: 1 });
    const job = await q.enqueue({ bytes: text("poison"), meta: {} });
    await fx.store.jobs.claim(new Date(), 600_000, "dead-process#1");
    expect(await q.claim("w")).toBeUndefined();
    expect(await q.get(job.id)).toMatchObject({ state: "failed", errorCode: "internal" });
    await q.close();
  });
});

describe("a store that cannot write", () => {
  it("backs off exponentially up to the lease", () => {
    expect([1, 2, 3, 4, 10].map((n) => loopDelayMs(500, n, 30_000))).toEqual([1000, 2000, 4000, 8000, 30_000]);
  });

  it("keeps trying to record a finished job until the store writes again", async () => {
    let failures = 2;
    const jobs = fx.store.jobs;
    const flaky: DocumentStore = {
      ...fx.store,
      jobs: {
        ...jobs,
        transition: async (id, owner, patch) => {
          if (patch.state === "done" && failures-- > 0) throw new AppError("store_failed", "No space left on device");
          return jobs.transition(id, owner, patch);
        },
      },
    };
    const q = createEmbeddedQueue({ store: flaky, maxAttempts: 3, leaseMs: 300 });
    const job = await q.enqueue({ bytes: text(PARAGRAPHS), meta: {} });
    const w = createWorker({ ...fx, store: flaky, embedder: fakeEmbedder(), queue: q });
    expect((await w.runOnce())?.job.state).toBe("done");
    expect(failures).toBe(-1);
    expect(await q.get(job.id)).toMatchObject({ state: "done", attempts: 1 });
  });
});
