// The ingest pipeline end to end with real parts: extract, the shipped USE embedder, LanceDB.
import { describe, expect, it } from "vitest";
import { extractDocument, extractOptionsFromConfig } from "../src/extract/index.ts";
import { drain, sample, servicesPerTest } from "./helpers/services.ts";

const services = servicesPerTest();

const SAMPLES = [
  "gbf-section-1-multipage.pdf",
  "nbsap-invasive-species.docx",
  "case-study-wetlands.html",
  "rapport-national-fr.txt",
  "biodiversity-finance-plan.md",
];

describe("ingest pipeline", () => {
  it("ingests PDF, DOCX, HTML and text samples into searchable chunks", async () => {
    const s = await services.start();
    const jobs = [];
    for (const name of SAMPLES) {
      jobs.push(
        await s.queue.enqueue({ bytes: await sample(name), meta: { filename: name }, documentKey: `samples/${name}` }),
      );
    }
    await drain(s.worker);
    const done = await Promise.all(jobs.map((j) => s.queue.get(j.id)));
    expect(done.map((j) => j?.state)).toEqual(SAMPLES.map(() => "done"));
    expect(await s.store.documents.count()).toBe(SAMPLES.length);

    const docs = await s.store.documents.getMany(done.map((j) => j!.documentId!));
    const byFile = new Map(docs.map((d) => [d.filename, d]));
    expect(byFile.get("gbf-section-1-multipage.pdf")).toMatchObject({
      mediaType: "application/pdf",
      pageCount: 5,
      language: "en",
    });
    expect(byFile.get("nbsap-invasive-species.docx")?.mediaType).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(byFile.get("rapport-national-fr.txt")?.language).toBe("fr");

    const [query] = await s.embedder.embed(["invasive alien species eradication on islands"], "query");
    const hits = await s.store.chunks.search({ mode: "semantic", vector: query!, limit: 3 });
    expect(hits[0]?.documentId).toBe(byFile.get("nbsap-invasive-species.docx")?.id);
  });

  it("gives every PDF chunk the page its text comes from", async () => {
    const s = await services.start();
    const bytes = await sample("gbf-section-1-multipage.pdf");
    await s.queue.enqueue({ bytes, meta: {} });
    await drain(s.worker);
    const [doc] = await s.store.documents.list();
    const chunks = await s.store.chunks.forDocument(doc!.id);
    const extracted = await extractDocument(bytes, extractOptionsFromConfig(s.config));
    expect(new Set(chunks.map((c) => c.pageStart))).toEqual(new Set([1, 2, 3, 4, 5]));
    for (const c of chunks) {
      expect(extracted.text.slice(c.charStart, c.charEnd)).toBe(c.text);
      const firstLine = c.text.split("\n")[0]!;
      expect(extracted.pages[c.pageStart - 1]!.text).toContain(firstLine);
    }
  });

  it("stores the same bytes once, and replaces chunks when a file changes under the same key", async () => {
    const s = await services.start();
    const bytes = await sample("rapport-national-fr.txt");
    const a = await s.queue.enqueue({ bytes, meta: {}, documentKey: "fr.txt" });
    const b = await s.queue.enqueue({ bytes, meta: {}, documentKey: "fr.txt" });
    await drain(s.worker);
    const [ja, jb] = [await s.queue.get(a.id), await s.queue.get(b.id)];
    expect(jb?.state).toBe("done");
    expect(jb?.documentId).toBe(ja?.documentId);
    expect(await s.store.documents.count()).toBe(1);
    const chunksBefore = await s.store.chunks.count();

    const changed = new TextEncoder().encode(
      "Mangrove nurseries were planted along the estuary by fishing cooperatives.",
    );
    await s.queue.enqueue({ bytes: changed, meta: {}, documentKey: "fr.txt" });
    await drain(s.worker);
    expect(await s.store.documents.count()).toBe(1);
    const chunks = await s.store.chunks.forDocument(ja!.documentId!);
    expect(chunks.map((c) => c.text)).toEqual([
      "Mangrove nurseries were planted along the estuary by fishing cooperatives.",
    ]);
    expect(chunksBefore).toBeGreaterThan(1);
    expect(await s.store.chunks.count()).toBe(1);
  });
});
