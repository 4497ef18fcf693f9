// Bad files become failed jobs with their specific code, and never touch what is already stored.
import { describe, expect, it } from "vitest";
import { createWorker } from "../src/ingest/index.ts";
import type { DocumentStore } from "../src/store/index.ts";
import { drain, fixture, sample, servicesPerTest, type TempServices } from "./helpers/services.ts";

const services = servicesPerTest();

async function snapshot(store: DocumentStore) {
  const docs = await store.documents.list({ limit: 100 });
  const chunks = await Promise.all(docs.map((d) => store.chunks.forDocument(d.id)));
  return { docs, chunks };
}

describe("ingest pipeline with bad input", () => {
  it("fails each bad file at once with its code and leaves stored documents unchanged", async () => {
    const s = await services.start();
    await s.queue.enqueue({ bytes: await sample("case-study-wetlands.html"), meta: {}, documentKey: "wetlands" });
    await drain(s.worker);
    const before = await snapshot(s.store);
    expect(before.docs).toHaveLength(1);

    const cases: Array<[string, string, Partial<TempServices["config"]>?]> = [
      ["empty.txt", "empty_file"],
      ["image.png", "unsupported_media_type"],
      ["program.exe", "unsupported_media_type"],
      ["archive.zip", "unsupported_media_type"],
      ["corrupt.pdf", "corrupt_file"],
      ["encrypted.pdf", "encrypted_pdf"],
      ["not-a-zip.docx", "corrupt_file"],
      ["binary.txt", "binary_as_text"],
      ["many-pages.pdf", "too_large", { MAX_UPLOAD_MB: 0.005 }],
      ["many-pages.pdf", "too_many_pages", { MAX_PAGES: 10 }],
    ];
    for (const [name, code, limits] of cases) {
      // Even under the key of the stored document: a failed replacement must keep the old one.
      const job = await s.queue.enqueue({
        bytes: await fixture(name),
        meta: { filename: name },
        documentKey: "wetlands",
      });
      const worker = limits ? createWorker({ ...s, config: { ...s.config, ...limits } }) : s.worker;
      const outcome = await worker.runOnce();
      expect(outcome?.job.id).toBe(job.id);
      expect(await s.queue.get(job.id), name).toMatchObject({ state: "failed", attempts: 1, errorCode: code });
    }
    expect(await s.worker.runOnce()).toBeUndefined();
    expect(await snapshot(s.store)).toEqual(before);
  });

  it("ingests UTF-16 and Windows-1252 text with accents intact", async () => {
    const s = await services.start();
    for (const name of ["utf16.txt", "latin1.txt"]) {
      await s.queue.enqueue({ bytes: await fixture(name), meta: { filename: name } });
    }
    await drain(s.worker);
    expect((await s.queue.list({ state: "done" })).length).toBe(2);
    const docs = await s.store.documents.list();
    const text = async (file: string) => {
      const doc = docs.find((d) => d.filename === file)!;
      return (await s.store.chunks.forDocument(doc.id)).map((c) => c.text).join(" ");
    };
    expect(await text("utf16.txt")).toContain("Rapport sur la biodiversité : les zones humides côtières");
    expect(await text("latin1.txt")).toContain("Cœur de la réserve : coût estimé à 12 000 €");
    expect(docs.find((d) => d.filename === "utf16.txt")?.language).toBe("fr");
  });
});
