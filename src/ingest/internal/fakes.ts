/** Test doubles for ingest unit tests: a deterministic embedder and a temp store. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testConfig, type Config } from "../../config.ts";
import type { Embedder } from "../../embed/types.ts";
import { createLogger } from "../../logger.ts";
import { createStore } from "../../store/index.ts";
import { fakeEmbedder as sharedFakeEmbedder } from "../../../test/helpers/fake-embedder.ts";
import type { DocumentStore } from "../../store/types.ts";

export const FAKE_DIMS = 8;

/** The shared fake embedder (test/helpers/fake-embedder.ts) at the small size these tests use. */
export function fakeEmbedder(over: Partial<Embedder> = {}): Embedder & { calls: string[][] } {
  return sharedFakeEmbedder({ dims: FAKE_DIMS, modelId: "fake-8", maxChars: 200, ...over });
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
