// Bounds and retry policy of ingestion jobs, on the real worker, queue, store and thread pool:
// a document past MAX_CHUNKS fails `too_large` once, a deterministic crash is not retried, and a
// job timeout fires while the document is still embedding.
import { afterEach, describe, expect, it } from "vitest";
import { createEmbedder, type Embedder, type EmbedKind } from "../src/embed/index.ts";
import { type IngestProgress, prepareOptionsFromConfig } from "../src/ingest/index.ts";
import { englishText } from "./helpers/big-docs.ts";
import { type TempServices, tempServices } from "./helpers/services.ts";

let services: TempServices | undefined;
let embedder: Embedder | undefined;
afterEach(async () => {
  await services?.dispose();
  await embedder?.close?.();
  services = undefined;
  embedder = undefined;
});

/** A cheap deterministic embedder whose `embed` can be replaced. */
function stubEmbedder(embed?: (texts: string[], kind: EmbedKind) => Promise<Float32Array[]>): Embedder {
  return {
    modelId: "stub-4",
    dims: 4,
    maxChars: 300,
    multilingual: false,
    embed: embed ?? (async (texts) => texts.map((t) => Float32Array.from([1, t.length % 7, 0, 0]))),
  };
}

const bytes = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("ingestion limits and retries", () => {
  it("fails a document past MAX_CHUNKS with too_large, names the limit, stores nothing and never retries", async () => {
    services = await tempServices(stubEmbedder(), { MAX_CHUNKS: 5, JOB_MAX_ATTEMPTS: 3 });
    const job = await services.queue.enqueue({ bytes: bytes(englishText(10_000)), meta: { filename: "long.txt" } });
    const outcome = await services.worker.runOnce();
    expect(outcome?.error?.code).toBe("too_large");
    expect(outcome?.error?.details).toMatchObject({ limit: "MAX_CHUNKS", maxChunks: 5 });
    expect(await services.queue.get(job.id)).toMatchObject({ state: "failed", attempts: 1, errorCode: "too_large" });
    expect(await services.store.documents.count()).toBe(0);
  });

  it("fails a text past MAX_TEXT_CHARS with too_large before chunking it", async () => {
    services = await tempServices(stubEmbedder(), { MAX_TEXT_CHARS: 5000 });
    await services.queue.enqueue({ bytes: bytes(englishText(20_000)), meta: { filename: "long.txt" } });
    const outcome = await services.worker.runOnce();
    expect(outcome?.error?.code).toBe("too_large");
    expect(outcome?.error?.details).toMatchObject({ limit: "MAX_TEXT_CHARS", maxTextChars: 5000 });
    expect(outcome?.job.state).toBe("failed");
  });

  it("does not retry a deterministic crash (a stack overflow while embedding)", async () => {
    const crash = stubEmbedder(async () => {
      throw new RangeError("Maximum call stack size exceeded");
    });
    services = await tempServices(crash, { JOB_MAX_ATTEMPTS: 3, JOB_BACKOFF_MS: 0 });
    const job = await services.queue.enqueue({ bytes: bytes(englishText(2_000)), meta: {} });
    const outcome = await services.worker.runOnce();
    expect(outcome?.error?.code).toBe("internal");
    expect(await services.queue.get(job.id)).toMatchObject({ state: "failed", attempts: 1 });
    expect(await services.worker.runOnce()).toBeUndefined();
  });

  it("fires the job timeout while a long document is still embedding, and does not retry it", async () => {
    embedder = await createEmbedder({ backend: "use", modelsDir: "models", model: "", batchSize: 16, threads: 1 });
    const progress: IngestProgress[] = [];
    services = await tempServices(embedder, { JOB_TIMEOUT_MS: 10_000, JOB_MAX_ATTEMPTS: 3 }, (p) => progress.push(p));
    // Warm the reader thread first (loading its parsers takes seconds on a busy machine).
    const warm = prepareOptionsFromConfig(services.config, embedder.maxChars, "warm.txt");
    await services.reader?.read(bytes("Warm-up text about wetlands."), warm);
    // Long enough that embedding outlasts the timeout even at onnxruntime speed (~2,400 chunks at
    // ~10 ms each on one thread; 250k characters finished in ~6 s).
    const job = await services.queue.enqueue({ bytes: bytes(englishText(2_000_000)), meta: {} });
    const outcome = await services.worker.runOnce();
    expect(outcome?.error?.code).toBe("timeout");
    expect(await services.queue.get(job.id)).toMatchObject({ state: "failed", attempts: 1, errorCode: "timeout" });
    // It fired mid-document: far from every chunk had been embedded.
    const last = progress.at(-1)!;
    expect(last.chunks).toBeGreaterThan(100);
    expect(last.embedded).toBeLessThan(last.chunks);
    expect(await services.store.documents.count()).toBe(0);
  }, 120_000);
});
