import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { testConfig } from "../config.ts";
import { createStore } from "../store/index.ts";
import type { DocumentStore } from "../store/index.ts";
import { loadVocabulary } from "../vocab/index.ts";
import { createApi } from "./index.ts";
import type { ApiDeps } from "./index.ts";

let dir: string;
let store: DocumentStore;

async function app(extra: Partial<ApiDeps> = {}) {
  dir = await mkdtemp(join(tmpdir(), "api-health-"));
  store = await createStore({ uri: dir, dims: 8, embeddingModelId: "test" });
  const deps = {
    config: testConfig(),
    store,
    vocab: await loadVocabulary(),
    evalDir: join(dir, "eval"),
    ...extra,
  } as ApiDeps;
  return createApi(deps);
}

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("health and readiness", () => {
  it("answers /health with ok and security headers", async () => {
    const res = await (await app()).request("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("reports not ready (503) while the classifier model is missing", async () => {
    const res = await (await app({ workerState: () => "running" })).request("/ready");
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.checks.store).toEqual({ ok: true, documents: 0 });
    expect(body.checks.model.ok).toBe(false);
    expect(body.checks.worker.state).toBe("running");
  });

  it("reports ready when store and classifier are there", async () => {
    const classifier = { version: "t-1", classifyText: async () => ({}), classifyChunks: async () => ({}) };
    const res = await (await app({ classifier } as unknown as Partial<ApiDeps>)).request("/ready");
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe("ready");
  });

  it("answers unknown paths with the JSON error envelope", async () => {
    const res = await (await app()).request("/nope");
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });

  it("serves the API reference and its assets locally", async () => {
    const a = await app();
    const page = await a.request("/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("/docs/assets/init.js");
    expect(html).not.toMatch(/https?:\/\//);
    expect(await (await a.request("/docs/assets/init.js")).text()).toContain('"/openapi.json"');
    const js = await a.request("/docs/assets/swagger-ui-bundle.js");
    expect(js.status).toBe(200);
    expect((await js.text()).length).toBeGreaterThan(100_000);
    expect((await a.request("/docs/assets/..%2Fpackage.json")).status).toBe(404);
  });
});
