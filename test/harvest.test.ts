import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runHarvest } from "../src/commands/harvest.ts";
import type { CommandIo } from "../src/commands/io.ts";
import { recordDocumentKey, sourceTagExamples } from "../src/harvest/index.ts";
import { documentIdFor } from "../src/ingest/index.ts";
import { type ChmApiFake, docxWith, pdfWith, startChmApi } from "./helpers/chm-api.ts";
import { servicesPerTest } from "./helpers/services.ts";

const services = servicesPerTest();
let api: ChmApiFake;

const att = (id: string, n: number, name: string) => `/api/v2013/documents/${id}/attachments/${n}/${name}`;

beforeEach(async () => {
  api = await startChmApi();
  // A Virtual Library resource with its text in the index, a PDF and a link to a missing file.
  api.index.set("VLR-1", {
    identifier_s: "VLR-1",
    schema_s: "resource",
    realm_ss: ["chm"],
    government_s: "ke",
    title_EN_t: "Restoring mangroves on the Kenyan coast",
    summary_t: "<p>Community groups replant mangrove forests along the coast of Kenya.</p>",
    url_ss: ["https://chm.cbd.int/database/VLR-1"],
    updatedDate_dt: "2024-03-01T10:00:00Z",
    documentLinks_s: JSON.stringify([
      { url: att("VLR-1", 1, "plan.pdf"), name: "plan.pdf" },
      { url: att("VLR-1", 2, "gone.pdf"), name: "gone.pdf" },
    ]),
    gbfTargets_ss: ["GBF-TARGET-02"],
    cbdSubjects_ss: ["CBD-SUBJECT-MAR", "CBD-SUBJECT-NOT-A-TERM"],
  });
  api.files.set(att("VLR-1", 1, "plan.pdf"), {
    bytes: await pdfWith(["Seagrass nursery plan for Lamu county.", "Volunteers monitor seedlings monthly."]),
    type: "application/pdf",
  });
  // A case study whose index entry has no text: the full record has it, and a DOCX that fails once.
  api.index.set("CS-2", {
    identifier_s: "CS-2",
    schema_s: "caseStudy",
    realm_ss: ["chm"],
    government_s: "br",
    title_t: "Cerrado pollinators",
    updatedDate_dt: "2024-04-01T10:00:00Z",
  });
  api.records.set("CS-2", {
    identifier: "CS-2",
    body: {
      title: { en: "Cerrado pollinators", pt: "Polinizadores do Cerrado" },
      description: { en: "<p>Farmers keep <b>native bees</b> beside soybean fields.</p>" },
      attachments: [{ url: att("CS-2", 1, "report.docx"), name: "report.docx" }],
      gbfTargets: [{ identifier: "GBF-TARGET-10" }],
    },
  });
  api.files.set(att("CS-2", 1, "report.docx"), {
    bytes: await docxWith(["Pollinator corridors link remnant savanna patches across farms."]),
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    failFirst: 1,
  });
  // A national target with text in the index and an aligned global target.
  api.index.set("NT-3", {
    identifier_s: "NT-3",
    schema_s: "nationalTarget7",
    realm_ss: ["chm"],
    government_s: "fr",
    title_EN_t: "National target 3: protected areas",
    summary_EN_t: "Protect 30 percent of land and sea in well connected protected areas by 2030.",
    updatedDate_dt: "2024-05-01T10:00:00Z",
    globalTargetAlignment_ss: ["GBF-TARGET-3"],
  });
  // Not in the CHM realm: never harvested.
  api.index.set("ABS-9", { identifier_s: "ABS-9", schema_s: "resource", realm_ss: ["abs"], title_t: "x" });
});
afterEach(() => api.close());

function captureIo(): CommandIo & { text(): string } {
  const lines: string[] = [];
  return { out: (s) => lines.push(s), err: (s) => lines.push(s), text: () => lines.join("\n") };
}

const idOf = (recordId: string) => documentIdFor("", recordDocumentKey({ system: "chm", recordId }));

describe("harvest chm", () => {
  it("ingests every record once with source and sourceTags, and attachment text is searchable", async () => {
    const s = await services.start({ CHM_API_URL: api.url, HARVEST_PAGE_SIZE: 2, HARVEST_BACKOFF_MS: 5 });
    const io = captureIo();
    expect(await runHarvest(s, { system: "chm" }, io)).toBe(0);
    expect(io.text()).toContain("3 records: 3 new, 0 updated, 0 unchanged, 0 failed.");
    expect(io.text()).toMatch(/attachment gone\.pdf: not_found/);

    const docs = await s.store.documents.list();
    expect(docs.map((d) => d.source?.recordId).sort()).toEqual(["CS-2", "NT-3", "VLR-1"]);
    const vlr = await s.store.documents.get(idOf("VLR-1"));
    expect(vlr).toMatchObject({
      title: "Restoring mangroves on the Kenyan coast",
      country: "ke",
      recordType: "resource",
      sourceUrl: "https://chm.cbd.int/database/VLR-1",
      source: {
        system: "chm",
        recordId: "VLR-1",
        url: "https://chm.cbd.int/database/VLR-1",
        updatedAt: "2024-03-01T10:00:00Z",
      },
      sourceTags: { targets: ["GBF-TARGET-02"], goals: ["GBF-GOAL-A"], subjects: ["CBD-SUBJECT-MAR"], sdgs: [] },
    });
    expect((await s.store.documents.get(idOf("CS-2")))?.sourceTags?.targets).toEqual(["GBF-TARGET-10"]);
    expect((await s.store.documents.get(idOf("NT-3")))?.sourceTags?.targets).toEqual(["GBF-TARGET-03"]);
    // The source tags become training examples, and never appear in the text the classifier reads.
    const examples = await sourceTagExamples(s.store, s.vocab);
    expect(examples.map((e) => e.labels)).toEqual(expect.arrayContaining([["GBF-GOAL-A", "GBF-TARGET-02"]]));
    expect(examples).toHaveLength(3);
    expect(examples.some((e) => /GBF-|CBD-SUBJECT/.test(e.text))).toBe(false);

    const pdfHit = await s.search.search({ q: "seagrass nursery Lamu", mode: "keyword" });
    expect(pdfHit.hits[0]?.documentId).toBe(idOf("VLR-1"));
    // The DOCX answered 503 first: it was retried and its text is in the case study's document.
    const docxHit = await s.search.search({ q: "pollinator corridors savanna", mode: "keyword" });
    expect(docxHit.hits[0]?.documentId).toBe(idOf("CS-2"));
    expect(api.requests.filter((r) => r.path.endsWith("report.docx"))).toHaveLength(2);
    const recordText = await s.search.search({ q: "native bees soybean", mode: "keyword" });
    expect(recordText.hits[0]?.documentId).toBe(idOf("CS-2"));

    // Polite and paged: a clear User-Agent, realm and schema filters, pages of two.
    const indexCalls = api.requests.filter((r) => r.path === "/api/v2013/index");
    expect(indexCalls.map((r) => r.query.get("start"))).toEqual(["0", "2"]);
    expect(indexCalls[0]!.query.getAll("fq")).toContain("realm_ss:chm");
    expect(api.requests.every((r) => r.userAgent.startsWith("chm-lens-harvester/"))).toBe(true);
  });

  it("adds nothing on a second harvest, and updates a changed record in place", async () => {
    const s = await services.start({ CHM_API_URL: api.url, HARVEST_PAGE_SIZE: 2, HARVEST_BACKOFF_MS: 5 });
    expect(await runHarvest(s, { system: "chm" }, captureIo())).toBe(0);
    const jobsBefore = (await s.queue.list({ limit: 100 })).length;
    const before = await s.store.documents.get(idOf("NT-3"));

    api.requests.length = 0;
    const again = captureIo();
    expect(await runHarvest(s, { system: "chm" }, again)).toBe(0);
    expect(again.text()).toContain("3 records: 0 new, 0 updated, 3 unchanged, 0 failed.");
    expect((await s.queue.list({ limit: 100 })).length).toBe(jobsBefore);
    // Unchanged records cost no record or attachment request.
    expect(api.requests.every((r) => r.path === "/api/v2013/index")).toBe(true);

    api.index.set("NT-3", {
      ...api.index.get("NT-3"),
      title_EN_t: "National target 3: marine protected areas",
      summary_EN_t: "Designate new marine reserves around the Kerguelen islands.",
      updatedDate_dt: "2024-06-01T10:00:00Z",
    });
    const changed = captureIo();
    expect(await runHarvest(s, { system: "chm" }, changed)).toBe(0);
    expect(changed.text()).toContain("3 records: 0 new, 1 updated, 2 unchanged, 0 failed.");
    expect(await s.store.documents.count()).toBe(3);
    const after = await s.store.documents.get(idOf("NT-3"));
    expect(after?.title).toBe("National target 3: marine protected areas");
    expect(after?.source?.updatedAt).toBe("2024-06-01T10:00:00Z");
    expect(after?.contentHash).not.toBe(before?.contentHash);
    expect(after?.createdAt).toBe(before?.createdAt);
    const fresh = await s.search.search({ q: "Kerguelen marine reserves", mode: "keyword" });
    expect(fresh.hits[0]?.documentId).toBe(idOf("NT-3"));
    const stale = await s.search.search({ q: "well connected", mode: "keyword" });
    expect(stale.hits.map((h) => h.documentId)).not.toContain(idOf("NT-3"));
  });

  it("filters by schema, country and date, and stops at --limit", async () => {
    const s = await services.start({ CHM_API_URL: api.url, HARVEST_BACKOFF_MS: 5 });
    const io = captureIo();
    expect(
      await runHarvest(s, { system: "chm", schemas: ["resource", "nationalTarget7"], since: "2024-04-15" }, io),
    ).toBe(0);
    expect((await s.store.documents.list()).map((d) => d.source?.recordId)).toEqual(["NT-3"]);
    expect(await runHarvest(s, { system: "chm", country: "br", limit: 1 }, captureIo())).toBe(0);
    expect((await s.store.documents.list()).map((d) => d.source?.recordId).sort()).toEqual(["CS-2", "NT-3"]);
  });

  it("fails with upstream_failed when the API cannot be reached, and rejects bad arguments", async () => {
    const s = await services.start({ CHM_API_URL: api.url, HARVEST_RETRIES: 1, HARVEST_BACKOFF_MS: 5 });
    await api.close();
    await expect(runHarvest(s, { system: "chm" }, captureIo())).rejects.toMatchObject({ code: "upstream_failed" });
    await expect(runHarvest(s, { system: "chm", country: "Kenya" }, captureIo())).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(runHarvest(s, { system: "bioland" }, captureIo())).rejects.toMatchObject({ code: "bad_request" });
    expect(await s.store.documents.count()).toBe(0);
    api = await startChmApi(); // afterEach closes it
  });
});
