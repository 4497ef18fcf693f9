import type { ApiApp, ApiDeps } from "./types.ts";
import { healthRoute, readyRoute } from "./health.routes.ts";

/** `/health` (liveness) and `/ready` (dependencies). */
export function registerHealth(app: ApiApp, deps: ApiDeps): void {
  app.openapi(healthRoute, (c) => c.json({ status: "ok" as const }, 200));

  app.openapi(readyRoute, async (c) => {
    let store: { ok: boolean; documents?: number; error?: string };
    try {
      store = { ok: true, documents: await deps.store.documents.count() };
    } catch (err) {
      deps.logger?.warn({ err }, "readiness: store unreachable");
      store = { ok: false, error: "store unreachable" };
    }
    // A classifier still training on first start reports `ready: false` until it is loaded.
    const loading = deps.classifier && "ready" in deps.classifier && deps.classifier.ready === false;
    const model =
      deps.classifier && !loading ? { ok: true, classifierVersion: deps.classifier.version } : { ok: false };
    const worker = { state: deps.workerState?.() ?? ("unknown" as const) };
    const ok = store.ok && model.ok;
    const body = { status: ok ? ("ready" as const) : ("not_ready" as const), checks: { store, model, worker } };
    return ok ? c.json(body, 200) : c.json(body, 503);
  });
}
