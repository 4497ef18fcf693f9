// The BullMQ queue against a real redis-server (test/helpers/redis.ts), with a real temp store.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startRedis, type RedisServer } from "../../../test/helpers/redis.ts";
import { AppError } from "../../errors.ts";
import type { JobQueue } from "../types.ts";
import { createWorker } from "../worker.ts";
import { createRedisQueue } from "./bullmq-queue.ts";
import { fakeEmbedder, ingestFixture, PARAGRAPHS, text, type IngestFixture } from "./fakes.ts";

let redis: RedisServer;
let fx: IngestFixture;
const open: JobQueue[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());
beforeEach(async () => {
  fx = await ingestFixture({ JOB_LEASE_MS: 600, JOB_POLL_MS: 20 });
});
afterEach(async () => {
  for (const q of open.splice(0)) await q.close();
  // A clean queue per test: every test enqueues its own jobs.
  const { Redis } = await import("ioredis");
  const client = new Redis(redis.url);
  await client.flushall();
  client.disconnect();
  await fx.cleanup();
});

function queue(over: { leaseMs?: number; maxAttempts?: number } = {}): JobQueue {
  const q = createRedisQueue({
    url: redis.url,
    blobs: fx.store.blobs,
    maxAttempts: over.maxAttempts ?? 3,
    leaseMs: over.leaseMs ?? 600,
    backoffMs: 50,
    logger: fx.logger,
  });
  open.push(q);
  return q;
}

describe("createRedisQueue", () => {
  it("walks a job through queued, running with progress, and done; a finished lease is refused", async () => {
    const q = queue();
    const job = await q.enqueue({ bytes: text("wetlands"), meta: { title: "W" }, documentKey: "w.txt" });
    expect(await q.get(job.id)).toMatchObject({
      state: "queued",
      attempts: 0,
      meta: { title: "W" },
      documentKey: "w.txt",
    });
    expect(new TextDecoder().decode(await q.bytes(job))).toBe("wetlands");

    const lease = await q.claim("worker-1");
    expect(lease?.job).toMatchObject({ id: job.id, state: "running", attempts: 1 });
    expect(await q.claim("worker-1")).toBeUndefined();
    await q.extend(lease!, { stage: "embedding", pages: 1, chunks: 4, embedded: 2 });
    expect((await q.get(job.id))?.progress).toMatchObject({ stage: "embedding", embedded: 2 });
    expect((await q.list({ state: "running" })).map((j) => j.id)).toEqual([job.id]);

    expect(await q.complete(lease!, "doc-1")).toMatchObject({ state: "done", documentId: "doc-1" });
    expect(await q.get(job.id)).toMatchObject({ state: "done", documentId: "doc-1" });
    await expect(q.extend(lease!)).rejects.toMatchObject({ code: "conflict" });
    expect(await q.get("no-such-job")).toBeUndefined();
  });

  it("retries transient failures with backoff and fails bad input at once, keeping the error code", async () => {
    const q = queue();
    const flaky = await q.enqueue({ bytes: text("a"), meta: {} });
    const bad = await q.enqueue({ bytes: text("b"), meta: {} });
    const l1 = await q.claim("w");
    expect(l1?.job.id).toBe(flaky.id);
    const again = await q.fail(l1!, new AppError("store_failed", "disk busy", { transient: true }));
    expect(again).toMatchObject({ state: "queued", errorCode: "store_failed", errorMessage: "disk busy" });
    const l2 = await q.claim("w");
    expect(l2?.job.id).toBe(bad.id);
    expect(await q.fail(l2!, new AppError("corrupt_file", "not a PDF"))).toMatchObject({
      state: "failed",
      attempts: 1,
      errorCode: "corrupt_file",
    });
    await expect.poll(async () => (await q.claim("w"))?.job.id, { timeout: 5000, interval: 50 }).toBe(flaky.id);
  });

  it("gives a dead worker's job to another worker once its lease runs out, and refuses the late owner", async () => {
    const a = queue();
    const b = queue();
    const job = await a.enqueue({ bytes: text("x"), meta: {} });
    const stale = await a.claim("worker-a");
    expect(stale?.job.id).toBe(job.id);
    // worker-a stops renewing (it "died"); BullMQ's stalled check hands the job on.
    await expect
      .poll(async () => (await b.claim("worker-b")) ?? undefined, { timeout: 15_000, interval: 200 })
      .toMatchObject({
        job: { id: job.id, state: "running" },
      });
    await expect(a.complete(stale!, "late")).rejects.toMatchObject({ code: "conflict" });
    expect(await b.get(job.id)).toMatchObject({ state: "running" });
  });

  it("runs the real worker and pipeline from Redis into the store", async () => {
    const q = queue();
    const job = await q.enqueue({ bytes: text(PARAGRAPHS), meta: { filename: "notes.txt" } });
    const worker = createWorker({ ...fx, embedder: fakeEmbedder(), queue: q });
    const outcome = await worker.runOnce();
    expect(outcome?.job).toMatchObject({ id: job.id, state: "done" });
    const doc = await fx.store.documents.get(outcome!.job.documentId!);
    expect((await fx.store.chunks.forDocument(doc!.id)).length).toBe(doc!.chunkCount);
    expect(await worker.runOnce()).toBeUndefined();
  });
});
