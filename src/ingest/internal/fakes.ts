/** Test doubles for ingest unit tests: a deterministic embedder and a temp store. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testConfig, type Config } from "../../config.ts";
import type { Embedder, EmbedKind } from "../../embed/types.ts";
import { createLogger } from "../../logger.ts";
import { createStore } from "../../store/index.ts";
import type { DocumentStore } from "../../store/types.ts";

export const FAKE_DIMS = 8;

/** Bag-of-letters vectors: deterministic, cheap, and similar texts stay close. */
export function fakeEmbedder(over: Partial<Embedder> = {}): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    modelId: "fake-8",
    dims: FAKE_DIMS,
    maxChars: 200,
    multilingual: false,
    calls,
    async embed(texts: string[], _kind: EmbedKind) {
      calls.push(texts);
      return texts.map((t) => {
        const v = new Float32Array(FAKE_DIMS);
        for (let i = 0; i < t.length; i++) v[t.charCodeAt(i) % FAKE_DIMS]! += 1;
        const norm = Math.hypot(...v) || 1;
        return v.map((x) => x / norm);
      });
    },
    ...over,
  };
}

export interface IngestFixture {
  store: DocumentStore;
  config: Config;
  logger: ReturnType<typeof createLogger>;
  cleanup: () => Promise<void>;
}

/** A fresh store in a temp folder with fast job timings. */
export async function ingestFixture(over: Partial<Config> = {}): Promise<IngestFixture> {
  const dir = await mkdtemp(join(tmpdir(), "chm-ingest-"));
  const store = await createStore({ uri: dir, dims: FAKE_DIMS, embeddingModelId: "fake-8" });
  const config = testConfig({ DATA_DIR: dir, OCR_ENABLED: false, JOB_POLL_MS: 20, JOB_BACKOFF_MS: 1000, ...over });
  return {
    store,
    config,
    logger: createLogger("silent"),
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const text = (s: string): Uint8Array => new TextEncoder().encode(s);

export const PARAGRAPHS = [
  "Protected areas conserve wetlands and coral reefs. Countries report progress on area-based conservation.",
  "Invasive alien species threaten island ecosystems. Eradication programmes restore native birds and plants.",
  "Pollution from nutrients and pesticides harms rivers. Farmers reduce fertiliser use to protect biodiversity.",
].join("\n\n");
