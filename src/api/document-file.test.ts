import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { bearer, ingest, makeKit, upload, type Kit } from "./internal/test-kit.ts";

let kit: Kit;
afterEach(async () => kit?.cleanup());

const TEXT = "Coral reefs are protected along the coast.\n\nInvasive rats were eradicated from three islands.";

async function ingestFile(k: Kit, bytes: Uint8Array, name: string): Promise<string> {
  const res = await upload(k.app, bytes, {}, {}, name);
  expect(res.status).toBe(202);
  const { jobId } = (await res.json()) as { jobId: string };
  await k.worker.runOnce();
  const job = (await (await k.app.request(`/v1/jobs/${jobId}`)).json()) as { state: string; documentId: string };
  expect(job.state).toBe("done");
  return job.documentId;
}

describe("GET /v1/documents/{id}/file", () => {
  it("serves the stored PDF bytes with their type and a download filename", async () => {
    kit = await makeKit();
    const pdf = new Uint8Array(
      await readFile(new URL("../../corpora/samples/gbf-section-1-multipage.pdf", import.meta.url)),
    );
    const id = await ingestFile(kit, pdf, "Rapport national é.pdf");
    const res = await kit.app.request(`/v1/documents/${id}/file`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Rapport national _.pdf"; filename*=UTF-8''Rapport%20national%20%C3%A9.pdf`,
    );
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);
  });

  it("never lets an uploaded HTML file run as the site's page", async () => {
    kit = await makeKit();
    const html = new TextEncoder().encode("<html><body><h1>Wetlands</h1><script>alert(1)</script></body></html>");
    const id = await ingestFile(kit, html, "case.html");
    const res = await kit.app.request(`/v1/documents/${id}/file`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("answers 404 in the envelope for an unknown document, and 401 without a key when reads are private", async () => {
    kit = await makeKit({ config: { PUBLIC_READ: false, CHM_API_KEYS: "ana:k1:submitter" } });
    const res = await upload(kit.app, TEXT, {}, bearer("k1"));
    const { jobId } = (await res.json()) as { jobId: string };
    await kit.worker.runOnce();
    const id = (await kit.store.jobs.get(jobId))!.documentId!;
    const missing = await kit.app.request("/v1/documents/nope/file", { headers: bearer("k1") });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    expect((await kit.app.request(`/v1/documents/${id}/file`)).status).toBe(401);
    expect((await kit.app.request(`/v1/documents/${id}/text`)).status).toBe(401);
    expect((await kit.app.request(`/v1/documents/${id}/file`, { headers: bearer("k1") })).status).toBe(200);
  });
});

describe("GET /v1/documents/{id}/text", () => {
  it("gives the text page by page without the chunks' overlaps", async () => {
    kit = await makeKit({ config: { CHUNK_SIZE: 60, CHUNK_OVERLAP: 20 } });
    const id = await ingest(kit, TEXT);
    const res = await kit.app.request(`/v1/documents/${id}/text`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { pages: { page: number; text: string }[] };
    const joined = body.pages.map((p) => p.text).join("");
    expect(joined.replace(/\s+/g, " ")).toBe(TEXT.replace(/\s+/g, " "));
  });
});
