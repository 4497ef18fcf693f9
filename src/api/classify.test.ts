import { afterEach, describe, expect, it } from "vitest";
import { docxOf } from "../../test/helpers/big-docs.ts";
import type { Config } from "../config.ts";
import { createDocumentReader, type DocumentReader } from "../ingest/index.ts";
import { makeKit, postJson, type Kit } from "./internal/test-kit.ts";

let kit: Kit;
afterEach(async () => kit?.cleanup());

describe("POST /v1/classify", () => {
  it("suggests labels with evidence for JSON text and stores nothing", async () => {
    kit = await makeKit();
    const res = await postJson(kit.app, "/v1/classify", { text: "Restoring degraded coral reef areas" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.suggestions.map((s: any) => s.id).sort()).toEqual(["GBF-TARGET-02", "GBF-TARGET-03"]);
    expect(body.suggestions[0].evidence[0]).toHaveProperty("text");
    expect(body.suggestions.find((s: any) => s.id === "GBF-TARGET-02").label).toContain("GBF-T02");
    expect(await kit.store.documents.count()).toBe(0);
  });

  it("reports the language it detected, not one the client claims (the classifier takes no language)", async () => {
    kit = await makeKit();
    const text = "Les aires protégées marines couvrent désormais trente pour cent des récifs coralliens du pays.";
    const res = await postJson(kit.app, "/v1/classify", { text, language: "en" });
    expect(res.status).toBe(200);
    expect((await res.json()).language).toBe("fr");
    const form = new FormData();
    form.set("file", new File([`<html><body><p>${text}</p></body></html>`], "a.html"));
    form.set("language", "en");
    const file = await kit.app.request("/v1/classify", { method: "POST", body: form });
    expect(file.status).toBe(200);
    expect((await file.json()).language).toBe("fr");
  });

  it("classifies an uploaded file after extracting it", async () => {
    kit = await makeKit();
    const form = new FormData();
    form.set("file", new File(["<html><body><p>Marine protected areas along the coast.</p></body></html>"], "a.html"));
    const res = await kit.app.request("/v1/classify", { method: "POST", body: form });
    expect(res.status).toBe(200);
    expect((await res.json()).suggestions.map((s: any) => s.id)).toContain("GBF-TARGET-03");
  });

  it("answers 400 for a missing text, 413 past MAX_BODY_MB, 415 for other media types", async () => {
    kit = await makeKit({ config: { MAX_BODY_MB: 0.001 } });
    const missing = await postJson(kit.app, "/v1/classify", { title: "no text" });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.code).toBe("validation_failed");
    const big = await postJson(kit.app, "/v1/classify", { text: "reef ".repeat(1000) });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("too_large");
    const xml = await kit.app.request("/v1/classify", {
      method: "POST",
      body: "<a/>",
      headers: { "Content-Type": "application/xml" },
    });
    expect(xml.status).toBe(415);
    expect((await xml.json()).error.code).toBe("unsupported_media_type");
    const broken = await kit.app.request("/v1/classify", {
      method: "POST",
      body: "{nope",
      headers: { "Content-Type": "application/json" },
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe("bad_request");
  });

  it("answers 503 model_unavailable while no classifier is loaded", async () => {
    kit = await makeKit({ classifier: null });
    const res = await postJson(kit.app, "/v1/classify", { text: "coral reefs" });
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("model_unavailable");
  });
});

describe("POST /v1/classify with hostile files", () => {
  // The reader threads the server wires (main.ts), with the heap the test's config asks for.
  let reader: DocumentReader | undefined;
  afterEach(async () => reader?.close());
  const start = async (config: Partial<Config> = {}) => {
    reader = createDocumentReader({ threads: 1, heapMb: config.EXTRACT_HEAP_MB ?? 1024 });
    kit = await makeKit({ config, deps: { reader } });
  };
  const post = (name: string, data: Uint8Array | string) => {
    const form = new FormData();
    form.set("file", new File([data as BlobPart], name));
    return kit.app.request("/v1/classify", { method: "POST", body: form });
  };

  it("classifies a file chunk by chunk, so evidence names its chunk and page", async () => {
    await start();
    const res = await post("reefs.txt", "Marine protected areas along the coast conserve coral reefs.");
    expect(res.status).toBe(200);
    const t3 = (await res.json()).suggestions.find((s: any) => s.id === "GBF-TARGET-03");
    expect(t3.evidence[0]).toMatchObject({ chunkId: "reefs.txt:0", page: 1 });
  });

  it("answers 413 too_large for a DOCX bomb, from its zip directory, before inflating it", async () => {
    await start({ MAX_DECOMPRESSED_MB: 5 });
    const bomb = docxOf("Coral reefs and protected areas. ".repeat(100), 8000); // ~30 MB of XML
    expect(bomb.length).toBeLessThan(200_000);
    const res = await post("bomb.docx", bomb);
    expect(res.status).toBe(413);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: "too_large", details: { limit: "MAX_DECOMPRESSED_MB" } });
  });

  it("answers 413 too_large for a DOCX bomb whose zip directory lies about its size", async () => {
    await start({ MAX_DECOMPRESSED_MB: 5 });
    const liar = docxOf("Coral reefs and protected areas. ".repeat(100), 8000, 1000);
    const res = await post("liar.docx", liar);
    expect(res.status).toBe(413);
    expect((await res.json()).error.details).toMatchObject({ limit: "MAX_DECOMPRESSED_MB" });
  });

  it("answers 413 too_large for a 24 MB one-line HTML page, without parsing it", async () => {
    await start();
    const html = `<html><body><p>${"Wetlands and coral reefs. ".repeat(960_000)}</p></body></html>`;
    expect(html.length).toBeGreaterThan(24_000_000);
    const res = await post("huge.html", html);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: "too_large", details: { limit: "MAX_TEXT_CHARS" } });
  });

  it("answers 413 too_large when reading a document exhausts the reading thread's heap", async () => {
    await start({ EXTRACT_HEAP_MB: 64, MAX_TEXT_CHARS: 50_000_000, MAX_UPLOAD_MB: 50 });
    // Millions of tiny elements: the parsed tree is many times the bytes.
    const html = `<html><body>${"<b>x</b>".repeat(3_000_000)}</body></html>`;
    const res = await post("deep.html", html);
    expect(res.status).toBe(413);
    expect((await res.json()).error.details).toMatchObject({ limit: "EXTRACT_HEAP_MB" });
  });
});
