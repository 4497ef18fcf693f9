/**
 * A worker process for test/worker-crash.test.ts: real services on DATA_DIR (from the env), worker
 * started. Test-only knobs, read here and never by production code:
 *   STALL_ON_EMBED=1   the first embed call prints "STALLED" and never returns (so the parent can
 *                      SIGKILL the process mid-job);
 *   EXIT_WHEN_JOB=<id> prints "JOB <state>" and exits once that job is done or failed.
 * It prints "RAN <jobId>" when it starts a job's pipeline.
 */
import { createServices } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createEmbedder, embedderOptionsFromConfig, type Embedder } from "../../src/embed/index.ts";
import { createLogger } from "../../src/logger.ts";

const config = loadConfig(process.env);
const base = await createEmbedder(embedderOptionsFromConfig(config));
const embedder: Embedder =
  process.env.STALL_ON_EMBED === "1"
    ? {
        modelId: base.modelId,
        dims: base.dims,
        maxChars: base.maxChars,
        multilingual: base.multilingual,
        embed: () => {
          process.stdout.write("STALLED\n");
          return new Promise<Float32Array[]>(() => {});
        },
      }
    : base;
const services = await createServices(config, {
  embedder,
  logger: createLogger(config.LOG_LEVEL, 2),
  classifier: null,
  // Which process ran which job: the parent checks that one DATA_DIR had one worker.
  onProgress: (p) => p.stage === "extracted" && process.stdout.write(`RAN ${p.jobId}\n`),
});
services.worker.start();
process.stdout.write("READY\n");

const watched = process.env.EXIT_WHEN_JOB;
if (watched) {
  for (;;) {
    const job = await services.queue.get(watched);
    if (job?.state === "done" || job?.state === "failed") {
      process.stdout.write(`JOB ${job.state}\n`);
      await services.close();
      await base.close?.();
      process.exit(0);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
