/**
 * A hostile run against the real server (real port, LanceDB, the shipped encoder, the trained
 * classifier, the in-process worker): bad inputs, roles, injection in every filter, markup in
 * titles and files, oversized bodies, concurrent uploads and searches. Every answer must be the
 * expected status in the error envelope, leak no stack, path or raw library text, and the service
 * must still answer at the end with nothing lost or duplicated.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, type HttpServer, serveApi } from "../src/api/index.ts";
import { createServices, type Services } from "../src/app.ts";
import { testConfig } from "../src/config.ts";
import { createEmbedder, embedderOptionsFromConfig, type Embedder } from "../src/embed/index.ts";
import { createLogger } from "../src/logger.ts";
import type { Classifier, Suggestion } from "../src/classify/index.ts";

/**
 * A deterministic keyword classifier: the matrix is about the service's edges, not label quality
 * (the trained classifier's own tests cover that), and it keeps this file fast.
 */
const keywords: Classifier = {
  version: "hostile-keywords-1",
  async classifyText(text) {
    return this.classifyChunks([{ text }]);
  },
  async classifyChunks(chunks) {
    const suggestions: Suggestion[] = [];
    const hit = chunks.find((c) => /reef|marine/i.test(c.text));
    if (hit) {
      suggestions.push({
        id: "GBF-TARGET-03",
        space: "gbf",
        score: 0.9,
        decision: "suggest",
        evidence: [
          { chunkId: hit.id, page: hit.page, start: 0, end: 4, text: hit.text.slice(0, 4), signal: "lexical" },
        ],
      });
    }
    return { suggestions, modelId: embedder.modelId, classifierVersion: "hostile-keywords-1", thresholds: {} };
  },
};

const KEYS = { a: "key-of-a-0001", b: "key-of-b-0002", sec: "key-of-sec-0003" };
let dir: string;
let services: Services;
let embedder: Embedder;
let server: HttpServer;
let base: string;

/** Things no response body may contain: stack frames, server paths, library internals. */
const LEAKS = [
  /\bat \S+ \(.*:\d+:\d+\)/,
  /node:internal|node_modules|\/work\/|\/tmp\/|\/home\/|\/src\/\w+\.ts/,
  /lance(db)?::|\.rs:\d+|arrow|ENOENT|ENOSPC|EACCES|TypeError|RangeError|SyntaxError: Unexpected/i,
];

interface Answer {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

async function call(path: string, init: RequestInit & { key?: keyof typeof KEYS } = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.key) headers.set("authorization", `Bearer ${KEYS[init.key]}`);
  const res = await fetch(`${base}${path}`, { ...init, headers });
  const text = await res.text();
  for (const leak of LEAKS) expect(text, `${init.method ?? "GET"} ${path} leaks ${leak}`).not.toMatch(leak);
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (res.status >= 400) {
    expect(res.headers.get("content-type"), path).toMatch(/^application\/json/);
    expect(Object.keys(body?.error ?? {}).sort(), path).toEqual(["code", "details", "message"]);
  }
  return { status: res.status, body, text, headers: res.headers };
}

function form(text: string | Uint8Array, name: string, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.set("file", new File([typeof text === "string" ? text : new Uint8Array(text)], name));
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

const postJson = (path: string, body: unknown, key?: keyof typeof KEYS) =>
  call(path, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json" },
    ...(key ? { key } : {}),
  });

async function waitForJob(jobId: string): Promise<any> {
  for (;;) {
    const job = (await call(`/v1/jobs/${jobId}`)).body;
    if (job.state === "done" || job.state === "failed") return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function uploadAndWait(text: string, name: string, key: keyof typeof KEYS, fields = {}): Promise<any> {
  const res = await call("/v1/documents", { method: "POST", body: form(text, name, fields), key });
  expect(res.status, res.text).toBe(202);
  return waitForJob(res.body.jobId);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "hostile-"));
  const config = testConfig({
    DATA_DIR: dir,
    EVAL_DIR: join(dir, "eval"),
    OCR_ENABLED: false,
    RATE_LIMIT_PER_MINUTE: 0,
    MAX_UPLOAD_MB: 0.5,
    MAX_BODY_MB: 0.05,
    JOB_POLL_MS: 20,
    WORKER_CONCURRENCY: 2,
    JOB_BACKOFF_MS: 0,
    INGEST_SAMPLES_ON_EMPTY: false,
    CHM_API_KEYS: `alice:${KEYS.a}:submitter,bob:${KEYS.b}:submitter,sec:${KEYS.sec}:secretariat`,
    CHM_KEY_SECRET: "hostile-test-secret",
  });
  embedder = await createEmbedder(embedderOptionsFromConfig(config));
  services = await createServices(config, { logger: createLogger("silent"), embedder, classifier: keywords });
  const app = createApi({ ...services, evalDir: config.EVAL_DIR });
  base = await new Promise<string>((resolve) => {
    server = serveApi(app, { port: 0, hostname: "127.0.0.1" }, (info) => resolve(`http://127.0.0.1:${info.port}`));
  });
  // The in-process worker, two jobs at a time, beside the HTTP traffic.
  services.worker.start();
}, 300_000);

afterAll(async () => {
  await server?.close();
  await services?.close();
  await embedder?.close?.();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const REEF = "The national plan protects coral reef areas and marine protected areas along the coast.";
const FOREST = "Forest restoration of degraded land in the northern provinces with native species.";

describe("hostile matrix against the real server", () => {
  let reefId: string;

  it("enforces keys and roles", async () => {
    expect((await call("/v1/documents", { method: "POST", body: form(REEF, "r.txt") })).status).toBe(401);
    const bad = await call("/v1/documents", {
      method: "POST",
      body: form(REEF, "r.txt"),
      headers: { authorization: "Bearer not-a-key" },
    });
    expect(bad.status).toBe(401);
    const job = await uploadAndWait(REEF, "reef.txt", "a", { title: "Reef plan", country: "fr" });
    expect(job.state, JSON.stringify(job)).toBe("done");
    reefId = job.documentId;
    const actions = { actions: [{ labelId: "GBF-TARGET-03", action: "accept" }] };
    expect((await postJson(`/v1/documents/${reefId}/tags`, actions, "b")).status).toBe(403);
    expect((await postJson(`/v1/documents/${reefId}/tags`, actions)).status).toBe(401);
    expect((await call(`/v1/documents/${reefId}`, { method: "DELETE", key: "a" })).status).toBe(403);
    expect((await postJson(`/v1/documents/${reefId}/tags`, actions, "a")).status).toBe(200);
    // Recorded as the key's name, never the key.
    const detail = await call(`/v1/documents/${reefId}`);
    expect(detail.text).not.toContain(KEYS.a);
    expect(detail.body.feedback.map((f: any) => f.user)).toEqual(["submitter:alice"]);
  });

  it("rejects bad input with clear codes and loses nothing already stored", async () => {
    const before = (await call(`/v1/documents/${reefId}`)).body;
    const cases: Array<[Promise<Answer>, number, string]> = [
      [call("/v1/documents", { method: "POST", body: form("", "empty.txt"), key: "a" }), 400, "empty_file"],
      [
        call("/v1/documents", { method: "POST", body: form("x".repeat(600_000), "big.txt"), key: "a" }),
        413,
        "too_large",
      ],
      [
        call("/v1/documents", { method: "POST", body: form(REEF, "r.txt", { country: "FR'" }), key: "a" }),
        400,
        "validation_failed",
      ],
      [
        call("/v1/documents", { method: "POST", body: form(REEF, `${"n".repeat(300)}.txt`), key: "a" }),
        400,
        "validation_failed",
      ],
      [
        call("/v1/documents", { method: "POST", body: form(REEF, "<img src=x onerror=alert(1)>.txt"), key: "a" }),
        400,
        "validation_failed",
      ],
      [postJson("/v1/classify", "{not json", "a"), 400, "bad_request"],
      [postJson("/v1/classify", { text: "x".repeat(60_000) }, "a"), 413, "too_large"],
      [
        postJson(`/v1/documents/${reefId}/tags`, { actions: [{ labelId: "GBF-TARGET-99", action: "add" }] }, "sec"),
        400,
        "unknown_label",
      ],
      [
        postJson(`/v1/documents/${reefId}/tags`, { actions: [{ labelId: "GBF-TARGET-03", action: "drop" }] }, "sec"),
        400,
        "validation_failed",
      ],
      [call("/v1/documents/x'%20OR%201=1--"), 400, "validation_failed"],
      [call("/v1/documents/nope"), 404, "not_found"],
      [call("/v1/jobs/..%2F..%2Fetc%2Fpasswd"), 400, "validation_failed"],
      [call("/v1/nothing-here"), 404, "not_found"],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect(res.status, res.text).toBe(status);
      expect(res.body.error.code, res.text).toBe(code);
    }
    const after = (await call(`/v1/documents/${reefId}`)).body;
    expect(after.tags).toEqual(before.tags);
    expect(after.feedback).toEqual(before.feedback);
  });

  it("refuses injection in every filter and never errors on free text", async () => {
    const hostile = ["' OR 1=1 --", 'x") OR ("1"="1', "fr;DROP TABLE documents", "%00", "GBF-TARGET-03' OR '1'='1"];
    const filters = [
      "target",
      "goal",
      "subject",
      "country",
      "language",
      "type",
      "from",
      "to",
      "mode",
      "group",
      "limit",
      "cursor",
    ];
    for (const path of ["/v1/search?q=reef&", "/v1/documents?"]) {
      for (const f of filters) {
        if (path === "/v1/documents?" && ["mode", "group", "cursor"].includes(f)) continue;
        for (const v of hostile) {
          const res = await call(`${path}${f}=${encodeURIComponent(v)}`);
          expect(res.status, `${path}${f}=${v}: ${res.text}`).toBe(400);
        }
      }
    }
    for (const q of [...hostile, "<script>alert(1)</script>", "*", "\\", "NOT AND OR", "a".repeat(400)]) {
      const res = await call(`/v1/search?q=${encodeURIComponent(q)}`);
      expect([200, 400], `${q}: ${res.text}`).toContain(res.status);
    }
  });

  it("never reflects markup from titles or text as HTML", async () => {
    const xss = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    const job = await uploadAndWait(`Lagoon survey ${xss} of the lagoon reef fish.`, "lagoon.txt", "b", { title: xss });
    expect(job.state, JSON.stringify(job)).toBe("done");
    const doc = await call(`/v1/documents/${job.documentId}`);
    expect(doc.headers.get("content-type")).toMatch(/^application\/json/);
    expect(doc.headers.get("x-content-type-options")).toBe("nosniff");
    expect(doc.body.title).toBe(xss);
    const found = await call("/v1/search?q=lagoon%20script&mode=keyword");
    expect(found.status).toBe(200);
    const html = found.body.hits.flatMap((h: any) => h.passages.map((p: any) => p.snippet.html)).join(" ");
    expect(html.length).toBeGreaterThan(0);
    expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("handles concurrent uploads and searches without losing or duplicating a document", async () => {
    const texts = Array.from({ length: 4 }, (_, i) => `${i % 2 ? REEF : FOREST} Report number ${i} of the series.`);
    const before = (await call("/v1/documents?limit=100")).body.documents.length;
    const uploads = [...texts, texts[0]!, texts[0]!].map((t, i) =>
      call("/v1/documents", { method: "POST", body: form(t, `c${i}.txt`), key: "a" }),
    );
    const searches = Array.from({ length: 8 }, () => call("/v1/search?q=reef&mode=hybrid"));
    const answers = await Promise.all([...uploads, ...searches]);
    expect(answers.map((a) => a.status)).toEqual([...uploads.map(() => 202), ...searches.map(() => 200)]);
    const jobs = await Promise.all(answers.slice(0, uploads.length).map((a) => waitForJob(a.body.jobId)));
    expect(
      jobs.map((j) => j.state),
      JSON.stringify(jobs[0]),
    ).toEqual(jobs.map(() => "done"));
    // The same bytes three times are one document.
    expect(new Set(jobs.map((j) => j.documentId)).size).toBe(texts.length);
    const list = (await call("/v1/documents?limit=100")).body.documents;
    expect(list.length).toBe(before + texts.length);
    expect(new Set(list.map((d: any) => d.id)).size).toBe(list.length);
  });

  it("is still up and ready at the end", async () => {
    expect((await call("/health")).status).toBe(200);
    const ready = await call("/ready");
    expect(ready.status).toBe(200);
    expect(ready.body.checks.model.status).toBe("ready");
  });
});
