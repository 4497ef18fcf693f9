import { OpenAPIHono } from "@hono/zod-openapi";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { createInsights } from "../coverage/index.ts";
import { registerClassify } from "./classify.handlers.ts";
import { registerCoverage } from "./coverage.handlers.ts";
import { registerDocs } from "./docs.handlers.ts";
import { registerDocumentFile } from "./document-file.handlers.ts";
import { registerDocuments } from "./documents.handlers.ts";
import { registerEval } from "./eval.handlers.ts";
import { registerHealth } from "./health.handlers.ts";
import { registerJobs } from "./jobs.handlers.ts";
import { registerMatches } from "./matches.handlers.ts";
import { registerOpenSearch } from "./opensearch.ts";
import { registerReview } from "./review.handlers.ts";
import { registerSearch } from "./search.handlers.ts";
import { registerSubmissions } from "./submissions.handlers.ts";
import { createUiRoutes } from "./ui/ui.routes.ts";
import { registerVocab } from "./vocab.handlers.ts";
import { authenticate, parseApiKeys, rejectBadKey } from "./internal/auth.ts";
import { bodyLimits } from "./internal/body-limits.ts";
import { notFound, onError, validationHook } from "./internal/envelope.ts";
import { rateLimit } from "./internal/rate-limit.ts";
import type { ApiApp, ApiDeps, ApiEnv } from "./types.ts";

/** The client address from the Node socket; `unknown` under `app.request()` (no socket). */
function clientAddress(c: Context<ApiEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/**
 * Builds the chm-lens HTTP API (an `OpenAPIHono` app; serve it with `@hono/node-server`).
 *
 * Auth: `CHM_API_KEYS=name:key:role,…` (or `key:role`; roles submitter, secretariat) with
 * `Authorization: Bearer`; what is recorded is the name, or an HMAC of the key with CHM_KEY_SECRET.
 * With CHM_API_KEYS empty the API runs in open demo mode (every caller is secretariat
 * `local`) and a warning is logged here once.
 *
 * @example
 * const app = createApi({ config, store, queue, classifier, vocab, search, extract, evalDir });
 * serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST });
 */
export function createApi(deps: ApiDeps): ApiApp {
  const { config, logger } = deps;
  const keys = parseApiKeys(config.CHM_API_KEYS, config.CHM_KEY_SECRET);
  if (keys.length === 0) {
    logger?.warn({}, "CHM_API_KEYS is empty: the API is open, every caller may write and delete (local demo only)");
  } else if (!config.CHM_KEY_SECRET && config.CHM_API_KEYS.split(",").some((e) => e.split(":").length === 2)) {
    logger?.warn({}, "Unnamed API keys and no CHM_KEY_SECRET: name the keys (name:key:role) or set CHM_KEY_SECRET");
  }
  const app: ApiApp = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.onError(onError(logger));
  app.notFound(notFound);
  app.openAPIRegistry.registerComponent("securitySchemes", "Bearer", { type: "http", scheme: "bearer" });

  app.use("*", secureHeaders());
  app.use("*", authenticate(keys));
  app.use("/v1/*", rateLimit(config.RATE_LIMIT_PER_MINUTE, clientAddress, Date.now, deps.rateCounter));
  app.use("*", rejectBadKey());
  app.use("/v1/*", bodyLimits(config.MAX_UPLOAD_MB, config.MAX_BODY_MB));

  registerHealth(app, deps);
  registerDocs(app);
  // Before the documents routes: `/v1/documents/{id}/similar` must not be shadowed.
  registerSearch(app, deps);
  registerDocuments(app, deps);
  registerDocumentFile(app, deps);
  registerJobs(app, deps);
  registerReview(app, deps);
  registerSubmissions(app, deps);
  registerClassify(app, deps);
  registerVocab(app, deps);
  registerEval(app, deps);
  registerOpenSearch(app, deps);
  const insights = deps.insights ?? createInsights(deps.store, deps.vocab);
  registerCoverage(app, { ...deps, ...insights });
  registerMatches(app, { ...deps, ...insights });
  // The eval folder turns on /ui/eval-report, the full report the Evaluation view links to.
  app.route("/", createUiRoutes({ evalDir: deps.evalDir }));

  app.doc("/openapi.json", {
    openapi: "3.0.3",
    info: {
      title: "chm-lens API",
      version: "1",
      description: "Classify and search CHM documents against the GBF targets and CHM vocabularies.",
    },
  });
  return app;
}
