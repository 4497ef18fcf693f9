// Starts the real chm-lens stack (services + API + UI) on a free 127.0.0.1 port for the browser
// end-to-end test: a temp DATA_DIR, the shipped embedder and classifier, a running worker.
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createApi } from "../../src/api/index.ts";
import type { Classifier } from "../../src/classify/index.ts";
import { apiDepsOf, createServices, type Services } from "../../src/app.ts";
import { testConfig } from "../../src/config.ts";
import { SHARED_CLASSIFIER_CACHE } from "../helpers/shared-classifier.ts";

export interface RunningServer {
  baseUrl: string;
  services: Services;
  close(): Promise<void>;
}

/**
 * Boots the stack; `apiKey` becomes the only secretariat key, so writes need it. `classifier`
 * replaces the trained one (e.g. a deferred one still loading: the server then starts at once).
 */
export async function startServer(apiKey: string, opts: { classifier?: Classifier } = {}): Promise<RunningServer> {
  const root = mkdtempSync(join(tmpdir(), "chm-e2e-"));
  const config = testConfig({
    DATA_DIR: join(root, "data"),
    EVAL_DIR: join(root, "eval"),
    INGEST_SAMPLES_ON_EMPTY: false,
    CLASSIFIER_CACHE_DIR: SHARED_CLASSIFIER_CACHE,
    JOB_POLL_MS: 50,
    LOG_LEVEL: "warn",
    CHM_API_KEYS: `${apiKey}:secretariat`,
    // The test clicks around quickly; rate limiting is tested with the API itself.
    RATE_LIMIT_PER_MINUTE: 0,
  });
  let services: Services | undefined;
  try {
    services = await createServices(config, opts.classifier ? { classifier: opts.classifier } : {});
    services.worker.start();
    const app = createApi(apiDepsOf(services));
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    const running = services;
    const baseUrl = `http://127.0.0.1:${port}`;
    // The classifier loads in the background (documents stored before it is ready get their tags
    // later); the test reviews suggestions right after upload, so it starts once /ready says so.
    if (!opts.classifier) await waitUntilReady(baseUrl);
    return {
      baseUrl,
      services: running,
      async close() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await running.close();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await services?.close();
    rmSync(root, { recursive: true, force: true });
    throw e;
  }
}

async function waitUntilReady(baseUrl: string, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${baseUrl}/ready`);
    if (res.status === 200) return;
    if (Date.now() > until) throw new Error(`/ready still ${res.status}: ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
