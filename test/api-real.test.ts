// The API on the real stack: LanceDB store, the shipped USE encoder, the trained classifier,
// the embedded queue and the ingest worker, wired by createServices like `npm start` does.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, type ApiApp } from "../src/api/index.ts";
import { createServices, type Services } from "../src/app.ts";
import { testConfig } from "../src/config.ts";
import { createEmbedder, embedderOptionsFromConfig, type Embedder } from "../src/embed/index.ts";
import { loadVocabulary } from "../src/vocab/index.ts";
import { createLogger } from "../src/logger.ts";
import { sharedClassifier } from "./helpers/shared-classifier.ts";

let dir: string;
let services: Services;
let app: ApiApp;
let embedder: Embedder;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "api-real-"));
  const config = testConfig({
    DATA_DIR: dir,
    EVAL_DIR: join(dir, "eval"),
    OCR_ENABLED: false,
    RATE_LIMIT_PER_MINUTE: 0,
  });
  embedder = await createEmbedder(embedderOptionsFromConfig(config));
  const vocab = await loadVocabulary();
  const classifier = await sharedClassifier(embedder, vocab);
  services = await createServices(config, { logger: createLogger("silent"), embedder, classifier });
  app = createApi({ ...services, evalDir: config.EVAL_DIR });
}, 300_000);

afterAll(async () => {
  await services?.close();
  await embedder?.close?.();
  await rm(dir, { recursive: true, force: true });
});

describe("API on the real store and classifier", () => {
  it("ingests a sample, finds it by search, and lets a reviewer change its tags", async () => {
    expect(services.classifier).toBeDefined();
    const form = new FormData();
    const bytes = await readFile(new URL("../corpora/samples/case-study-wetlands.html", import.meta.url));
    form.set("file", new File([new Uint8Array(bytes)], "case-study-wetlands.html"));
    form.set("country", "gb");
    const res = await app.request("/v1/documents", { method: "POST", body: form });
    expect(res.status).toBe(202);
    const { jobId } = await res.json();
    const outcome = await services.worker.runOnce();
    expect(outcome?.job.state).toBe("done");
    const job = await (await app.request(`/v1/jobs/${jobId}`)).json();
    const id = job.documentId as string;

    const doc = await (await app.request(`/v1/documents/${id}`)).json();
    expect(doc.title).toMatch(/wetland/i);
    expect(doc.suggestions.length).toBeGreaterThan(0);
    expect(doc.classification.classifierVersion).toBe(services.classifier!.version);

    await services.store.optimize();
    const found = await (await app.request("/v1/search?q=wetland+restoration")).json();
    expect(found.hits[0].documentId).toBe(id);
    expect(found.hits[0].passages[0].snippet.html).toMatch(/<mark>[Ww]etland/);
    expect(found.facets.countries).toEqual([expect.objectContaining({ id: "gb", count: 1 })]);

    const before = new Set<string>(doc.tags.targets);
    const label = before.has("GBF-TARGET-11") ? "GBF-TARGET-12" : "GBF-TARGET-11";
    const tagged = await app.request(`/v1/documents/${id}/tags`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ actions: [{ labelId: label, action: "add" }] }),
    });
    expect(tagged.status).toBe(200);
    const after = await (await app.request(`/v1/search?q=wetland&target=${label}`)).json();
    expect(after.hits.map((h: any) => h.documentId)).toEqual([id]);
    expect(after.facets.targets.find((f: any) => f.id === label).count).toBe(1);
    const fb = await services.store.feedback.forDocument(id);
    expect(fb[0]).toMatchObject({ labelId: label, action: "add", modelId: services.embedder.modelId });
  });

  it("classifies pasted text with the trained classifier", async () => {
    const res = await app.request("/v1/classify", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        text: "We will expand marine protected areas to conserve 30% of our coastal waters by 2030.",
      }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.suggestions[0].score).toBeGreaterThan(0);
    expect(body.suggestions.slice(0, 3).map((s: any) => s.id)).toContain("GBF-TARGET-03");
  });
});
