import { afterEach, describe, expect, it } from "vitest";
import { bearer, ingest, makeKit, postJson, upload, type Kit } from "./internal/test-kit.ts";

const REEF = "Coral reef protected areas cover the lagoon. Marine monitoring shows bleaching.";
const FOREST = "Restoration of degraded forest land along the river, with native trees.";
let kit: Kit;
afterEach(async () => kit?.cleanup());

const facet = (body: any, field: string, id: string) => body.facets[field].find((f: any) => f.id === id)?.count ?? 0;

describe("documents", () => {
  it("upload → job → document → search → facet → tag review changes the facet", async () => {
    kit = await makeKit();
    const res = await upload(kit.app, REEF, { title: "Reef plan", country: "fj", language: "en" });
    expect(res.status).toBe(202);
    const accepted = await res.json();
    expect(accepted).toMatchObject({ documentId: null, status: "queued" });
    expect((await (await kit.app.request(`/v1/jobs/${accepted.jobId}`)).json()).state).toBe("queued");

    await kit.worker.runOnce();
    const job = await (await kit.app.request(`/v1/jobs/${accepted.jobId}`)).json();
    expect(job).toMatchObject({ state: "done", error: null });
    const id = job.documentId as string;

    const doc = await (await kit.app.request(`/v1/documents/${id}`)).json();
    expect(doc).toMatchObject({ id, title: "Reef plan", country: "fj", status: "indexed", feedback: [] });
    // A suggestion is not a tag until a reviewer accepts it (or an auto-accept threshold says so).
    expect(doc.tags.targets).toEqual([]);
    expect(doc.suggestions[0]).toMatchObject({ id: "GBF-TARGET-03", decision: "suggest" });
    expect(doc.suggestions[0].label).toContain("30%");
    expect(doc.suggestions[0].evidence[0].text).toMatch(/coral|reef|protected area/i);
    expect(doc.classification.classifierVersion).toBe("kw-1");

    await kit.store.optimize();
    const found = await (await kit.app.request("/v1/search?q=coral+lagoon")).json();
    expect(found.hits[0].documentId).toBe(id);
    expect(found.hits[0].passages[0].snippet.html).toContain("<mark>");
    expect(facet(found, "targets", "GBF-TARGET-03")).toBe(0);

    const rejected = await postJson(kit.app, `/v1/documents/${id}/tags`, {
      actions: [
        { labelId: "GBF-TARGET-03", action: "reject" },
        { labelId: "GBF-TARGET-02", action: "add" },
      ],
    });
    expect(rejected.status).toBe(200);
    const after = await rejected.json();
    expect(after.tags.targets).toEqual(["GBF-TARGET-02"]);
    expect(after.tags.goals).toEqual(["GBF-GOAL-A"]);
    expect(after.feedback.map((f: any) => [f.labelId, f.action])).toEqual(
      expect.arrayContaining([
        ["GBF-TARGET-03", "reject"],
        ["GBF-TARGET-02", "add"],
      ]),
    );
    const again = await (await kit.app.request("/v1/search?q=coral+lagoon")).json();
    expect(facet(again, "targets", "GBF-TARGET-03")).toBe(0);
    expect(facet(again, "targets", "GBF-TARGET-02")).toBe(1);
    const fb = await kit.store.feedback.forDocument(id);
    expect(fb[0]).toMatchObject({ user: "secretariat:local", modelId: "hash-test", classifierVersion: "kw-1" });
  });

  it("lists documents newest first with filters and rejects bad filter values", async () => {
    kit = await makeKit();
    const reef = await ingest(kit, REEF, { country: "fj" });
    const forest = await ingest(kit, FOREST, { country: "br" });
    const all = await (await kit.app.request("/v1/documents")).json();
    expect(all.documents.map((d: any) => d.id)).toEqual([forest, reef]);
    const fj = await (await kit.app.request("/v1/documents?country=fj")).json();
    expect(fj.documents.map((d: any) => d.id)).toEqual([reef]);
    // Filters see published tags only: the suggestion counts once a reviewer accepts it.
    const before = await (await kit.app.request("/v1/documents?target=GBF-TARGET-02")).json();
    expect(before.documents).toEqual([]);
    await postJson(kit.app, `/v1/documents/${forest}/tags`, {
      actions: [{ labelId: "GBF-TARGET-02", action: "accept" }],
    });
    const t2 = await (await kit.app.request("/v1/documents?target=GBF-TARGET-02")).json();
    expect(t2.documents.map((d: any) => d.id)).toEqual([forest]);
    const paged = await (await kit.app.request("/v1/documents?limit=1")).json();
    expect(paged.nextOffset).toBe(1);
    const unknown = await kit.app.request("/v1/documents?target=GBF-TARGET-99");
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.code).toBe("validation_failed");
  });

  it("validates upload fields and files in the error envelope", async () => {
    kit = await makeKit({ config: { MAX_UPLOAD_MB: 0.01 } });
    const badCountry = await upload(kit.app, REEF, { country: "FRA" });
    expect(badCountry.status).toBe(400);
    const body = await badCountry.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details[0].path).toBe("country");

    const empty = await upload(kit.app, "");
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.code).toBe("empty_file");

    const big = await upload(kit.app, "x".repeat(200_000));
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("too_large");

    const noFile = await kit.app.request("/v1/documents", {
      method: "POST",
      body: new URLSearchParams({ title: "x" }),
    });
    expect(noFile.status).toBe(400);
  });

  it("surfaces extraction errors on the job", async () => {
    kit = await makeKit();
    const res = await upload(
      kit.app,
      new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0, 1, 2, 3]),
      {},
      {},
      "broken.pdf",
    );
    const { jobId } = await res.json();
    await kit.worker.runOnce();
    const job = await (await kit.app.request(`/v1/jobs/${jobId}`)).json();
    expect(job.state).toBe("failed");
    expect(job.error.code).toMatch(/corrupt_file|extraction_failed/);
  });

  it("answers 404 for unknown documents and jobs, 400 for malformed ids", async () => {
    kit = await makeKit();
    for (const path of ["/v1/documents/nope", "/v1/jobs/nope", "/v1/documents/nope/similar"]) {
      const res = await kit.app.request(path);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
    expect((await kit.app.request("/v1/documents/nope", { method: "DELETE" })).status).toBe(404);
    const bad = await kit.app.request("/v1/documents/a'b");
    expect(bad.status).toBe(400);
  });

  it("rejects unknown labels without changing anything", async () => {
    kit = await makeKit();
    const id = await ingest(kit, REEF);
    const res = await postJson(kit.app, `/v1/documents/${id}/tags`, {
      actions: [
        { labelId: "GBF-TARGET-02", action: "add" },
        { labelId: "GBF-TARGET-42", action: "accept" },
      ],
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "unknown_label", details: { labels: ["GBF-TARGET-42"] } });
    expect((await kit.store.documents.get(id))!.tags.targets).toEqual([]);
    expect(await kit.store.feedback.forDocument(id)).toEqual([]);
  });

  it("deletes a document so it no longer shows", async () => {
    kit = await makeKit();
    const id = await ingest(kit, REEF);
    expect((await kit.app.request(`/v1/documents/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await kit.app.request(`/v1/documents/${id}`)).status).toBe(404);
    const found = await (await kit.app.request("/v1/search?q=coral")).json();
    expect(found.hits).toEqual([]);
  });

  it("finds similar documents", async () => {
    kit = await makeKit();
    const a = await ingest(kit, REEF);
    const b = await ingest(kit, "Coral reef bleaching in marine protected areas of the lagoon.");
    await ingest(kit, FOREST);
    const res = await (await kit.app.request(`/v1/documents/${a}/similar?limit=5`)).json();
    expect(res.hits[0].documentId).toBe(b);
    expect(res.hits.map((h: any) => h.documentId)).not.toContain(a);
  });

  it("needs keys for writes once keys are configured", async () => {
    kit = await makeKit({ config: { CHM_API_KEYS: "sub-key:submitter,sec-key:secretariat" } });
    expect((await upload(kit.app, REEF)).status).toBe(401);
    expect((await upload(kit.app, REEF, {}, bearer("wrong"))).status).toBe(401);
    const id = await ingest(kit, REEF, {}, bearer("sub-key"));
    const stored = await kit.store.documents.get(id);
    expect(stored!.submittedBy).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(stored)).not.toContain("sub-key");
  });
});
