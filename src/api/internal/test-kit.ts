/** Test helpers for API tests: a real store in a temp dir, a word-hashing embedder, a keyword classifier. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ClassificationResult, Classifier, Suggestion } from "../../classify/types.ts";
import { testConfig, type Config } from "../../config.ts";
import type { Embedder } from "../../embed/types.ts";
import { createEmbeddedQueue, createWorker, type Worker } from "../../ingest/index.ts";
import { createLogger } from "../../logger.ts";
import { createSearchService } from "../../search/index.ts";
import { createStore, type DocumentStore } from "../../store/index.ts";
import { loadVocabulary } from "../../vocab/index.ts";
import { fakeEmbedder } from "../../../test/helpers/fake-embedder.ts";
import { createApi } from "../app.ts";
import type { ApiApp, ApiDeps } from "../types.ts";

const DIMS = 64;

export const hashEmbedder: Embedder = fakeEmbedder({ dims: DIMS, modelId: "hash-test", maxChars: 800 });

const RULES: [RegExp, string, Suggestion["space"]][] = [
  [/coral|reef|marine|protected area/i, "GBF-TARGET-03", "gbf"],
  [/restor|degraded/i, "GBF-TARGET-02", "gbf"],
  [/ocean|sea\b|marine/i, "CBD-SUBJECT-MAR", "subject"],
];

/** Deterministic keyword classifier: enough to drive tags through the API in unit tests. */
export const keywordClassifier: Classifier = {
  version: "kw-1",
  async classifyText(text) {
    return classify([{ text }]);
  },
  async classifyChunks(chunks) {
    return classify(chunks);
  },
};

function classify(chunks: { text: string; id?: string; page?: number }[]): ClassificationResult {
  const suggestions: Suggestion[] = [];
  for (const [re, id, space] of RULES) {
    const hit = chunks.find((c) => re.test(c.text));
    if (!hit) continue;
    const m = re.exec(hit.text)!;
    suggestions.push({
      id,
      space,
      score: 0.9,
      decision: "suggest",
      evidence: [
        { chunkId: hit.id, page: hit.page, start: m.index, end: m.index + m[0].length, text: m[0], signal: "lexical" },
      ],
    });
  }
  return { suggestions, modelId: hashEmbedder.modelId, classifierVersion: "kw-1", thresholds: {} };
}

export interface Kit {
  app: ApiApp;
  store: DocumentStore;
  worker: Worker;
  config: Config;
  dir: string;
  cleanup(): Promise<void>;
}

/** A full API over a fresh temp store; `classifier: null` leaves the model "not loaded". */
export async function makeKit(
  opts: { config?: Partial<Config>; classifier?: Classifier | null; deps?: Partial<ApiDeps> } = {},
): Promise<Kit> {
  const dir = await mkdtemp(join(tmpdir(), "api-"));
  const store = await createStore({ uri: dir, dims: DIMS, embeddingModelId: hashEmbedder.modelId });
  const vocab = await loadVocabulary();
  const config = testConfig({
    DATA_DIR: dir,
    EVAL_DIR: join(dir, "eval"),
    RATE_LIMIT_PER_MINUTE: 0,
    OCR_ENABLED: false,
    ...opts.config,
  });
  const classifier = opts.classifier === null ? undefined : (opts.classifier ?? keywordClassifier);
  const logger = createLogger("silent");
  const app = createApi({
    config,
    store,
    queue: createEmbeddedQueue({ store, maxAttempts: config.JOB_MAX_ATTEMPTS }),
    classifier,
    vocab,
    // The relevance floors are calibrated for the shipped encoder (test/search-relevance.test.ts);
    // the word-hash embedder's cosines are on another scale, so the kit searches without one.
    search: createSearchService({ store, embedder: hashEmbedder, vocab, minRelevance: { semantic: 0, hybrid: 0 } }),
    embedder: hashEmbedder,
    evalDir: config.EVAL_DIR,
    logger,
    ...opts.deps,
  });
  const worker = createWorker({ store, embedder: hashEmbedder, classifier, config, logger });
  return {
    app,
    store,
    worker,
    config,
    dir,
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** POSTs a multipart upload of `text` (as a .txt file) with optional fields. */
export function upload(
  app: ApiApp,
  text: string | Uint8Array,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
  name = "doc.txt",
) {
  const form = new FormData();
  form.set("file", new File([typeof text === "string" ? text : new Uint8Array(text)], name, { type: "text/plain" }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return app.request("/v1/documents", { method: "POST", body: form, headers });
}

export function postJson(app: ApiApp, path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", ...headers },
  });
}

/** Uploads a text and runs the worker until its job is done; returns the document id. */
export async function ingest(
  kit: Kit,
  text: string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await upload(kit.app, text, fields, headers);
  if (res.status !== 202) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  const { jobId } = (await res.json()) as { jobId: string };
  await kit.worker.runOnce();
  const job = (await (await kit.app.request(`/v1/jobs/${jobId}`)).json()) as { state: string; documentId: string };
  if (job.state !== "done") throw new Error(`job ended ${JSON.stringify(job)}`);
  await kit.store.optimize();
  return job.documentId;
}
