// The scale-out topology for real: redis-server, `src/main.ts --api-only` and two worker processes
// sharing QUEUE_URL and DATA_DIR. Twelve uploads over HTTP; one worker is SIGKILLed mid-job.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore } from "../src/store/index.ts";
import { freePort, type RedisServer, startRedis } from "./helpers/redis.ts";
import { SHARED_CLASSIFIER_CACHE } from "./helpers/shared-classifier.ts";

let redis: RedisServer;
let dir: string;
const children: ChildProcess[] = [];
beforeAll(async () => {
  redis = await startRedis();
  dir = await mkdtemp(join(tmpdir(), "chm-scale-out-"));
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await redis.stop();
  await rm(dir, { recursive: true, force: true });
});

function start(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    env: {
      ...process.env,
      DATA_DIR: dir,
      QUEUE_URL: redis.url,
      OCR_ENABLED: "false",
      JOB_POLL_MS: "50",
      // Renewed every 5 s; longer than any event-loop stall on a loaded machine.
      JOB_LEASE_MS: "15000",
      LOG_LEVEL: "silent",
      INGEST_SAMPLES_ON_EMPTY: "false",
      CLASSIFIER_CACHE_DIR: SHARED_CLASSIFIER_CACHE,
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

/** Twelve distinct small reports (distinct bytes, so none is skipped as a duplicate). */
const TOPICS = ["wetlands", "coral reefs", "invasive species", "pollinators", "forests", "mangroves"];
const report = (i: number) =>
  `National report ${i}.\n\n${TOPICS[i % TOPICS.length]} are monitored in region ${i}. ` +
  `Protected areas cover ${10 + i} percent of the land. Restoration of ${TOPICS[(i + 1) % TOPICS.length]} ` +
  `continues with local communities.\n\nFunding for ${TOPICS[(i + 2) % TOPICS.length]} rose in ${2000 + i}.`;

describe("scale-out on Redis", () => {
  it("ingests 12 uploads with an API-only process and two workers, one SIGKILLed: all done, no duplicate or orphan chunk", async () => {
    const port = await freePort();
    const api = start(["src/main.ts", "--api-only"], { PORT: String(port) });
    const base = `http://127.0.0.1:${port}`;
    await expect
      .poll(async () => (await fetch(`${base}/health`).catch(() => undefined))?.status, {
        timeout: 600_000,
        interval: 250,
      })
      .toBe(200);

    const jobIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      const form = new FormData();
      form.append("file", new Blob([report(i)], { type: "text/plain" }), `report-${i}.txt`);
      const res = await fetch(`${base}/v1/documents`, { method: "POST", body: form });
      expect(res.status).toBe(202);
      jobIds.push(((await res.json()) as { jobId: string }).jobId);
    }

    const a = start(["test/helpers/worker-child.ts"], {});
    const b = start(["test/helpers/worker-child.ts"], {});
    // Kill worker A in the middle of its first job (it prints RAN once the pipeline has started).
    await expect
      .poll(() => a.output().match(/^RAN /gm)?.length ?? 0, { timeout: 600_000, interval: 20 })
      .toBeGreaterThanOrEqual(1);
    a.child.kill("SIGKILL");

    const job = async (id: string) => {
      const j = (await (await fetch(`${base}/v1/jobs/${id}`)).json()) as {
        state: string;
        error: { code: string } | null;
      };
      return j.error && j.state === "failed" ? `failed:${j.error.code}` : j.state;
    };
    await expect
      .poll(async () => (await Promise.all(jobIds.map(job))).join(","), {
        timeout: 600_000,
        interval: 500,
      })
      .toBe(Array(12).fill("done").join(","));
    expect(b.output()).toMatch(/^RAN /m);
    b.child.kill("SIGTERM");
    api.child.kill("SIGTERM");

    const store = await createStore({ uri: dir, dims: 512, embeddingModelId: (await modelOf(dir)) ?? "" });
    try {
      const docs = await store.documents.list();
      expect(docs.length).toBe(12);
      const chunks = (await Promise.all(docs.map((d) => store.chunks.forDocument(d.id)))).flat();
      const ids = chunks.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(await store.chunks.count()).toBe(ids.length);
      expect(ids.length).toBe(docs.reduce((n, d) => n + d.chunkCount, 0));
    } finally {
      await store.close();
    }
  }, 1_500_000);
});

/** The embedding model id the store was built with (a wrong id is refused with the stored one in details). */
async function modelOf(uri: string): Promise<string | undefined> {
  try {
    await createStore({ uri, dims: 512, embeddingModelId: "?" });
  } catch (e) {
    return (e as { details?: { storedModel?: string } }).details?.storedModel;
  }
  return undefined;
}
