// A long job shows how far it has got: GET /v1/jobs/:id carries the progress saved with the lease.
import { afterEach, describe, expect, it } from "vitest";
import { type Kit, makeKit } from "./internal/test-kit.ts";

let kit: Kit;
afterEach(() => kit.cleanup());

describe("GET /v1/jobs/:id progress", () => {
  it("shows the running job's last progress, and none once it is done", async () => {
    kit = await makeKit();
    const at = "2030-01-01T00:00:00.000Z";
    await kit.store.jobs.create({
      id: "job-1",
      state: "queued",
      blobKey: "a".repeat(64),
      meta: {},
      attempts: 0,
      maxAttempts: 3,
      notBefore: at,
      createdAt: at,
      updatedAt: at,
    });
    await kit.store.jobs.claim(new Date(at), 30_000, "w#1");
    const progress = { stage: "embedding", pages: 12, chunks: 120, embedded: 40, at };
    expect(await kit.store.jobs.transition("job-1", "w#1", { progress })).toBe(true);
    const res = await kit.app.request("/v1/jobs/job-1");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: "running", progress });

    await kit.store.jobs.transition("job-1", "w#1", { state: "done", documentId: "d", progress: undefined });
    expect(await (await kit.app.request("/v1/jobs/job-1")).json()).toMatchObject({ state: "done", progress: null });
  });
});
