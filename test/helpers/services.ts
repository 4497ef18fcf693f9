/** Real services in a temp DATA_DIR for the cross-stage tests, sharing one embedder per test file. */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createServices, type ServiceOptions, type Services } from "../../src/app.ts";
import { testConfig, type Config } from "../../src/config.ts";
import { createEmbedder, type Embedder } from "../../src/embed/index.ts";
import type { Worker } from "../../src/ingest/index.ts";
import { createLogger } from "../../src/logger.ts";

export interface TempServices extends Services {
  dir: string;
  /** Closes the services and removes the temp folder. */
  dispose(): Promise<void>;
}

export async function tempServices(
  embedder: Embedder,
  over: Partial<Config> = {},
  onProgress?: ServiceOptions["onProgress"],
): Promise<TempServices> {
  const dir = await mkdtemp(join(tmpdir(), "chm-pipeline-"));
  const config = testConfig({
    DATA_DIR: dir,
    INGEST_SAMPLES_ON_EMPTY: false,
    OCR_ENABLED: false,
    JOB_POLL_MS: 20,
    LOG_LEVEL: "silent",
    ...over,
  });
  const services = await createServices(config, {
    embedder,
    logger: createLogger("silent"),
    classifier: null,
    ...(onProgress ? { onProgress } : {}),
  });
  return {
    ...services,
    dir,
    async dispose() {
      await services.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs due jobs until none is left. */
export async function drain(worker: Worker): Promise<void> {
  while (await worker.runOnce());
}

export const sample = async (name: string): Promise<Uint8Array> =>
  new Uint8Array(await readFile(join("corpora/samples", name)));

export const fixture = async (name: string): Promise<Uint8Array> =>
  new Uint8Array(await readFile(join("test/fixtures", name)));

/** The shipped Universal Sentence Encoder, as the pipeline tests use it. */
export const shippedEmbedder = (): Promise<Embedder> =>
  createEmbedder({ backend: "use", modelsDir: "models", model: "", batchSize: 32 });

/**
 * Registers a test file's hooks: one shipped embedder for all its tests, and fresh temp services
 * from `start()` that are disposed after each test.
 *
 * @example
 * const services = servicesPerTest();
 * it("ingests", async () => { const s = await services.start(); ... });
 */
export function servicesPerTest(): { start(over?: Partial<Config>): Promise<TempServices> } {
  let embedder: Embedder | undefined;
  let current: TempServices | undefined;
  beforeAll(async () => {
    embedder = await shippedEmbedder();
  });
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  afterAll(() => embedder?.close?.());
  return {
    async start(over = {}) {
      if (!embedder) throw new Error("servicesPerTest: start() runs inside a test, after beforeAll");
      current = await tempServices(embedder, over);
      return current;
    },
  };
}
