import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DocumentStore } from "./index.ts";
import { makeJob, tempStore } from "./internal/fixtures.ts";

let store: DocumentStore;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ store, close } = await tempStore());
});
afterEach(() => close());

const now = new Date("2024-06-01T12:00:00.000Z");

describe("jobs", () => {
  it("round-trips a job and clears fields patched to undefined", async () => {
    const job = makeJob("j1", { documentKey: "https://example.org/a.pdf", meta: { title: "A", country: "fr" } });
    await store.jobs.create(job);
    expect(await store.jobs.get("j1")).toEqual(job);
    await store.jobs.update("j1", { state: "failed", errorCode: "corrupt_file", errorMessage: "bad" });
    expect(await store.jobs.get("j1")).toMatchObject({ state: "failed", errorCode: "corrupt_file" });
    await store.jobs.update("j1", { state: "queued", errorCode: undefined, errorMessage: undefined });
    const cleared = await store.jobs.get("j1");
    expect(cleared?.errorCode).toBeUndefined();
    expect(cleared?.state).toBe("queued");
    await expect(store.jobs.update("nope", { state: "done" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("claims the oldest due job first and skips jobs not yet due", async () => {
    await store.jobs.create(makeJob("later", { notBefore: "2024-06-01T13:00:00.000Z" }));
    await store.jobs.create(makeJob("second", { notBefore: "2024-06-01T11:00:00.000Z" }));
    await store.jobs.create(makeJob("first", { notBefore: "2024-06-01T10:00:00.000Z" }));
    await store.jobs.create(makeJob("done", { state: "done", notBefore: "2024-06-01T09:00:00.000Z" }));

    const a = await store.jobs.claim(now, 60_000);
    expect(a).toMatchObject({ id: "first", state: "running", attempts: 1, leaseUntil: "2024-06-01T12:01:00.000Z" });
    expect((await store.jobs.claim(now, 60_000))?.id).toBe("second");
    expect(await store.jobs.claim(now, 60_000)).toBeUndefined();
    expect((await store.jobs.get("first"))?.state).toBe("running");
    expect((await store.jobs.list({ state: "running" })).map((j) => j.id).sort()).toEqual(["first", "second"]);
  });

  it("reclaims a running job whose lease expired (its worker died)", async () => {
    await store.jobs.create(makeJob("j1"));
    await store.jobs.claim(now, 60_000);
    expect(await store.jobs.claim(new Date(now.getTime() + 30_000), 60_000)).toBeUndefined();
    const again = await store.jobs.claim(new Date(now.getTime() + 61_000), 60_000);
    expect(again).toMatchObject({ id: "j1", attempts: 2, state: "running" });
  });

  it("commits a transition only for the worker that holds the lease", async () => {
    await store.jobs.create(makeJob("j1"));
    await store.jobs.claim(now, 60_000, "worker-a#1");
    // A's lease expires and B takes the job over; A's late "done" must not overwrite B's run.
    const later = new Date(now.getTime() + 61_000);
    expect(await store.jobs.claim(later, 60_000, "worker-b#1")).toMatchObject({ leaseOwner: "worker-b#1" });
    expect(await store.jobs.transition("j1", "worker-a#1", { state: "done", documentId: "d-a" })).toBe(false);
    expect(await store.jobs.get("j1")).toMatchObject({ state: "running", leaseOwner: "worker-b#1" });
    expect(await store.jobs.get("j1")).not.toHaveProperty("documentId");

    const progress = { stage: "embedding", pages: 3, chunks: 10, embedded: 4, at: later.toISOString() };
    expect(await store.jobs.transition("j1", "worker-b#1", { progress })).toBe(true);
    expect((await store.jobs.get("j1"))?.progress).toEqual(progress);
    expect(await store.jobs.transition("j1", "worker-b#1", { state: "done", leaseOwner: undefined })).toBe(true);
    // Once done nobody holds it, not even the last owner.
    expect(await store.jobs.transition("j1", "worker-b#1", { state: "failed" })).toBe(false);
    expect((await store.jobs.get("j1"))?.state).toBe("done");
    await expect(store.jobs.transition("nope", "worker-b#1", {})).rejects.toMatchObject({ code: "not_found" });
  });

  it("never hands one job to two concurrent claims", async () => {
    for (let i = 0; i < 3; i++)
      await store.jobs.create(makeJob(`j${i}`, { createdAt: `2024-01-0${i + 1}T00:00:00.000Z` }));
    const claims = await Promise.all(Array.from({ length: 6 }, () => store.jobs.claim(now, 60_000)));
    const taken = claims.filter((j) => j !== undefined).map((j) => j.id);
    expect(taken.sort()).toEqual(["j0", "j1", "j2"]);
  });
});

describe("feedback and blobs", () => {
  it("appends feedback and reads it back per document in time order", async () => {
    const base = { labelId: "GBF-TARGET-01", user: "ana", modelId: "m", classifierVersion: "1" };
    await store.feedback.add({
      ...base,
      id: "f2",
      documentId: "d1",
      action: "reject",
      createdAt: "2024-06-02T00:00:00.000Z",
    });
    await store.feedback.add({
      ...base,
      id: "f1",
      documentId: "d1",
      action: "accept",
      createdAt: "2024-06-01T00:00:00.000Z",
    });
    await store.feedback.add({
      ...base,
      id: "f3",
      documentId: "d2",
      action: "add",
      createdAt: "2024-06-03T00:00:00.000Z",
    });
    expect((await store.feedback.forDocument("d1")).map((f) => [f.id, f.action])).toEqual([
      ["f1", "accept"],
      ["f2", "reject"],
    ]);
    expect((await store.feedback.all()).map((f) => f.id)).toEqual(["f1", "f2", "f3"]);
    expect((await store.feedback.all())[0]).toEqual({
      ...base,
      id: "f1",
      documentId: "d1",
      action: "accept",
      createdAt: "2024-06-01T00:00:00.000Z",
    });
  });

  it("stores blobs by content hash", async () => {
    const bytes = new TextEncoder().encode("hello CHM");
    const key = await store.blobs.put(bytes);
    expect(key).toMatch(/^[a-f0-9]{64}$/);
    expect(await store.blobs.put(bytes)).toBe(key);
    expect(new TextDecoder().decode(await store.blobs.get(key))).toBe("hello CHM");
    await store.blobs.delete(key);
    await expect(store.blobs.get(key)).rejects.toMatchObject({ code: "not_found" });
    await expect(store.blobs.get("../../etc/passwd")).rejects.toMatchObject({ code: "validation_failed" });
  });
});
