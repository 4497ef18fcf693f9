/**
 * The classifier's status (loading | ready | failed) drives the worker, `/ready` and `/v1/classify`:
 * uploads are stored untagged while it is not ready and classified by a background pass once it is.
 */
import { afterEach, describe, expect, it } from "vitest";
import { makeKit, keywordClassifier, postJson, upload, type Kit } from "./internal/test-kit.ts";
import { deferClassifier, trackProgress, type Classifier } from "../classify/index.ts";
import { classifyUntagged } from "../ingest/index.ts";
import { loadVocabulary } from "../vocab/index.ts";

let kit: Kit;
afterEach(async () => kit?.cleanup());

const REEF = "Our national plan protects coral reef areas and marine protected areas along the coast.";

async function ingestOne(k: Kit, text: string): Promise<{ state: string; documentId?: string; error?: unknown }> {
  const res = await upload(k.app, text);
  expect(res.status).toBe(202);
  const { jobId } = (await res.json()) as { jobId: string };
  await k.worker.runOnce();
  return (await (await k.app.request(`/v1/jobs/${jobId}`)).json()) as { state: string; documentId?: string };
}

describe("classifier status", () => {
  it("stores uploads untagged when the classifier failed to load, and says so on /ready and /v1/classify", async () => {
    const failed = deferClassifier("v", Promise.reject(new Error("weights missing")));
    await failed.loaded;
    kit = await makeKit({ classifier: failed });
    const job = await ingestOne(kit, REEF);
    expect(job.state).toBe("done");
    const doc = await kit.store.documents.get(job.documentId!);
    expect(doc?.tags.targets).toEqual([]);

    const ready = await kit.app.request("/ready");
    expect(ready.status).toBe(503);
    expect((await ready.json()).checks.model).toMatchObject({ ok: false, status: "failed" });

    const res = await postJson(kit.app, "/v1/classify", { text: REEF });
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("model_unavailable");
  });

  it("answers 503 with Retry-After at once while loading, then classifies what was stored untagged", async () => {
    let resolve!: (c: Classifier) => void;
    const progress = trackProgress();
    const loading = deferClassifier("v", new Promise<Classifier>((r) => (resolve = r)), progress.current);
    kit = await makeKit({ classifier: loading });

    const job = await ingestOne(kit, REEF);
    expect(job.state).toBe("done");
    expect((await kit.store.documents.get(job.documentId!))?.tags.targets).toEqual([]);

    const res = await postJson(kit.app, "/v1/classify", { text: REEF });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await res.json()).error).toMatchObject({ code: "model_unavailable", details: { status: "loading" } });
    const ready = await kit.app.request("/ready");
    expect((await ready.json()).checks.model).toMatchObject({ ok: false, status: "loading" });
    // The page says why it waits: the trainer's stage and texts embedded of the total.
    progress.report({ stage: "examples", done: 640, total: 2100 });
    const training = await kit.app.request("/ready");
    expect((await training.json()).checks.model.progress).toEqual({ stage: "examples", done: 640, total: 2100 });

    resolve(keywordClassifier);
    await loading.loaded;
    const vocab = await loadVocabulary();
    const first = await classifyUntagged({ store: kit.store, classifier: loading, vocab });
    expect(first.classified).toBe(1);
    const doc = await kit.store.documents.get(job.documentId!);
    // Classified: the suggestion is stored, not published as a tag until accepted.
    expect(JSON.parse(doc!.classificationJson).suggestions.map((s: { id: string }) => s.id)).toContain("GBF-TARGET-03");
    expect(doc?.tags.targets).toEqual([]);
    expect(JSON.parse(doc!.classificationJson).classifierVersion).toBe("kw-1");
    // Idempotent: a second pass finds nothing left to do and changes nothing.
    const second = await classifyUntagged({ store: kit.store, classifier: loading, vocab });
    expect(second.classified).toBe(0);
    expect((await kit.store.documents.get(job.documentId!))?.updatedAt).toBe(doc?.updatedAt);

    expect((await postJson(kit.app, "/v1/classify", { text: REEF })).status).toBe(200);
    const done = await kit.app.request("/ready");
    expect(done.status).toBe(200);
    expect((await done.json()).checks.model.progress).toBeUndefined();
  });

  it("keeps a reviewer's decisions made while the document was untagged", async () => {
    let resolve!: (c: Classifier) => void;
    const loading = deferClassifier("v", new Promise<Classifier>((r) => (resolve = r)));
    kit = await makeKit({ classifier: loading });
    const job = await ingestOne(kit, REEF);
    const id = job.documentId!;
    const review = await postJson(kit.app, `/v1/documents/${id}/tags`, {
      actions: [
        { labelId: "GBF-TARGET-03", action: "reject" },
        { labelId: "GBF-TARGET-10", action: "add" },
      ],
    });
    expect(review.status).toBe(200);
    resolve(keywordClassifier);
    await loading.loaded;
    await classifyUntagged({ store: kit.store, classifier: loading, vocab: await loadVocabulary() });
    const doc = await kit.store.documents.get(id);
    expect(doc?.tags.targets).toEqual(["GBF-TARGET-10"]);
    expect(doc?.classificationJson).not.toBe("");
  });
});
