/**
 * The chm-lens server process: `npm start` (API + worker), `npm run worker` (`--worker-only`),
 * or `--api-only`. Process side effects (env, signals, exit) live here and in cli.ts only.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createApi, type HttpServer, redisWindowCounter, serveApi } from "./api/index.ts";
import { apiDepsOf, createServices, type Services } from "./app.ts";
import { classifierStatus } from "./classify/index.ts";
import { loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";

/** Files in SAMPLES_DIR that describe the samples rather than being samples. */
const NOT_SAMPLES = new Set(["README.md", "manifest.json"]);

async function enqueueSamplesIfEmpty(services: Services): Promise<void> {
  const { config, store, queue, logger } = services;
  if (!config.INGEST_SAMPLES_ON_EMPTY) return;
  if ((await store.documents.count()) > 0 || (await queue.list({ limit: 1 })).length > 0) return;
  const names = await readdir(config.SAMPLES_DIR).catch(() => [] as string[]);
  const files = names.filter((n) => !n.startsWith(".") && !NOT_SAMPLES.has(n)).sort();
  for (const name of files) {
    const bytes = new Uint8Array(await readFile(join(config.SAMPLES_DIR, name)));
    await queue.enqueue({ bytes, meta: { filename: name }, documentKey: `samples/${name}` });
  }
  logger.info({ dir: config.SAMPLES_DIR, files: files.length }, "store empty: samples enqueued");
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const runWorker = !args.has("--api-only") && config.WORKER_ENABLED;
  const runApi = !args.has("--worker-only");
  const services = await createServices(config, { logger });

  let server: HttpServer | undefined;
  if (runApi) {
    const app = createApi({
      ...apiDepsOf(services),
      workerState: () => (!runWorker ? "disabled" : services.worker.running ? "running" : "stopped"),
      // With a shared queue, API replicas share the rate-limit window too.
      ...(config.QUEUE_URL ? { rateCounter: redisWindowCounter(config.QUEUE_URL) } : {}),
    });
    // Listen before anything else: on first start the classifier trains in the background and
    // /ready says not_ready until it is loaded.
    server = serveApi(app, { port: config.PORT, hostname: config.HOST }, (info) => {
      logger.info({ url: `http://${config.HOST}:${info.port}`, worker: runWorker }, "chm-lens listening");
    });
  }

  await enqueueSamplesIfEmpty(services);
  if (runWorker) services.worker.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, graceMs: config.SHUTDOWN_TIMEOUT_MS }, "shutting down: finishing the current job");
    // A job still running when the grace period ends is taken again by a worker after its lease.
    setTimeout(() => {
      logger.warn({}, "shutdown grace period over: exiting with work unfinished");
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    await server?.close();
    if (classifierStatus(services.classifier) === "loading") {
      // Training holds the embedder for up to a minute: don't wait for it. Nothing is written
      // once the worker has stopped (untagged documents are classified at the next start).
      await services.worker.stop();
    } else {
      await services.close();
    }
    logger.info({ signal }, "stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((e: unknown) => {
  process.stderr.write(`chm-lens failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
