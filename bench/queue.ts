/**
 * Throughput of the Redis queue (QUEUE_URL): documents per second with 1 and 2 worker processes on
 * this machine, each a real `test/helpers/worker-child.ts` (services, shipped encoder, no classifier)
 * sharing one redis-server and one DATA_DIR. Workers start first; the clock runs from the first
 * enqueue to the last job done. Usage: `npx tsx bench/queue.ts [docs] [workers…]` (default 24 docs, 1 2).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createServices } from "../src/app.ts";
import { testConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { startRedis } from "../test/helpers/redis.ts";

const docs = Number(process.argv[2] ?? 24);
const counts = process.argv.slice(3).map(Number);
// `--docs 72` once read as NaN documents and enqueued without end.
if (!Number.isInteger(docs) || docs < 1 || counts.some((n) => !Number.isInteger(n) || n < 1)) {
  throw new Error("usage: npx tsx bench/queue.ts [docs] [workers…], whole numbers ≥ 1 (e.g. 72 1 2)");
}
const TOPICS = ["wetlands", "coral reefs", "invasive alien species", "pollinators", "forests", "mangroves", "soils"];

/** A distinct report of about 15 sentences (a few chunks), so no upload is a duplicate. */
function report(i: number): string {
  const paras = [0, 1, 2, 3, 4].map((p) => {
    const t = TOPICS[(i + p) % TOPICS.length];
    return `Section ${p + 1} of report ${i}. The status of ${t} in region ${i} was assessed in ${2010 + p}. Restoration of ${t} involved local communities and ${p + 3} ministries. Monitoring data on ${t} will inform target ${(i + p) % 23} of the framework.`;
  });
  return `National report ${i}\n\n${paras.join("\n\n")}`;
}

async function run(workers: number, url: string): Promise<{ seconds: number; chunks: number }> {
  const dir = await mkdtemp(join(tmpdir(), "chm-bench-queue-"));
  const env = {
    ...process.env,
    DATA_DIR: dir,
    QUEUE_URL: url,
    OCR_ENABLED: "false",
    JOB_POLL_MS: "50",
    LOG_LEVEL: "silent",
  };
  const config = testConfig({
    DATA_DIR: dir,
    QUEUE_URL: url,
    OCR_ENABLED: false,
    INGEST_SAMPLES_ON_EMPTY: false,
    LOG_LEVEL: "silent",
  });
  const services = await createServices(config, { logger: createLogger("silent"), classifier: null });
  const children: ChildProcess[] = [];
  try {
    await Promise.all(
      Array.from({ length: workers }, () => {
        const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/worker-child.ts"], {
          env,
          stdio: ["ignore", "pipe", "inherit"],
        });
        children.push(child);
        return new Promise<void>((resolve) =>
          child.stdout!.on("data", (d: Buffer) => d.toString().includes("READY") && resolve()),
        );
      }),
    );
    const started = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < docs; i++) {
      const job = await services.queue.enqueue({
        bytes: new TextEncoder().encode(report(i)),
        meta: { filename: `r${i}.txt` },
      });
      ids.push(job.id);
    }
    for (;;) {
      const states = await Promise.all(ids.map(async (id) => (await services.queue.get(id))?.state));
      if (states.every((s) => s === "done" || s === "failed")) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = (performance.now() - started) / 1000;
    return { seconds, chunks: await services.store.chunks.count() };
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await services.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const redis = await startRedis();
try {
  console.log(
    `bench:queue — ${docs} documents, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at start`,
  );
  for (const n of counts.length > 0 ? counts : [1, 2]) {
    const { seconds, chunks } = await run(n, redis.url);
    console.log(
      `${n} worker process${n > 1 ? "es" : ""}: ${docs} docs (${chunks} chunks) in ${seconds.toFixed(1)} s → ${(docs / seconds).toFixed(2)} docs/s, ${(chunks / seconds).toFixed(1)} chunks/s`,
    );
  }
} finally {
  await redis.stop();
}
