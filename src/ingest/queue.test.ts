import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore } from "../store/index.ts";
import { FAKE_DIMS, ingestFixture, text, type IngestFixture } from "./internal/fakes.ts";
import { createEmbeddedQueue } from "./queue.ts";

let fx: IngestFixture;
beforeEach(async () => {
  fx = await ingestFixture();
});
afterEach(() => fx.cleanup());

describe("createEmbeddedQueue", () => {
  it("saves the bytes before the job row, and the job starts queued", async () => {
    const queue = createEmbeddedQueue({ store: fx.store, maxAttempts: 4 });
    const job = await queue.enqueue({ bytes: text("hello wetlands"), meta: { title: "Hi" }, documentKey: "a/b.txt" });
    expect(job).toMatchObject({
      state: "queued",
      attempts: 0,
      maxAttempts: 4,
      documentKey: "a/b.txt",
      meta: { title: "Hi" },
    });
    expect(new TextDecoder().decode(await fx.store.blobs.get(job.blobKey))).toBe("hello wetlands");
    expect(await queue.get(job.id)).toEqual(job);
  });

  it("lists jobs by state and survives reopening the store", async () => {
    const queue = createEmbeddedQueue({ store: fx.store, maxAttempts: 3 });
    const a = await queue.enqueue({ bytes: text("one"), meta: {} });
    const b = await queue.enqueue({ bytes: text("two"), meta: {} });
    await fx.store.jobs.update(a.id, { state: "failed", errorCode: "empty_file" });
    expect((await queue.list({ state: "queued" })).map((j) => j.id)).toEqual([b.id]);
    expect((await queue.list({ state: "failed" })).map((j) => j.id)).toEqual([a.id]);
    expect(await queue.list()).toHaveLength(2);
    expect(await queue.get("missing")).toBeUndefined();
    const reopened = await createStore({ uri: fx.config.DATA_DIR, dims: FAKE_DIMS, embeddingModelId: "fake-8" });
    const again = createEmbeddedQueue({ store: reopened, maxAttempts: 3 });
    expect((await again.list({ state: "queued" })).map((j) => j.id)).toEqual([b.id]);
    await reopened.close();
  });
});
