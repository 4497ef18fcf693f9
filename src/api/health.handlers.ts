import { classifierProgress, classifierStatus } from "../classify/index.ts";
import type { ApiApp, ApiDeps } from "./types.ts";
import { healthRoute, readyRoute } from "./health.routes.ts";

/** `/health` (liveness) and `/ready` (dependencies). */
export function registerHealth(app: ApiApp, deps: ApiDeps): void {
  app.openapi(healthRoute, (c) => c.json({ status: "ok" as const }, 200));

  app.openapi(readyRoute, async (c) => {
    let store: { ok: boolean; documents?: number; error?: string };
    // With PUBLIC_READ=false the count is data like any other read: only key holders see it.
    const showCount = deps.config.PUBLIC_READ || c.get("principal") !== undefined;
    try {
      const documents = await deps.store.documents.count();
      store = showCount ? { ok: true, documents } : { ok: true };
    } catch (err) {
      deps.logger?.warn({ err }, "readiness: store unreachable");
      store = { ok: false, error: "store unreachable" };
    }
    // loading (first start trains for about a minute), ready, or failed (uploads are stored untagged).
    const status = classifierStatus(deps.classifier);
    const model =
      status === "ready" && deps.classifier
        ? { ok: true, status, classifierVersion: deps.classifier.version }
        : { ok: false, status, ...withProgress(classifierProgress(deps.classifier)) };
    const worker = { state: deps.workerState?.() ?? ("unknown" as const) };
    const ok = store.ok && model.ok;
    const body = { status: ok ? ("ready" as const) : ("not_ready" as const), checks: { store, model, worker } };
    return ok ? c.json(body, 200) : c.json(body, 503);
  });
}

/** The training progress as `/ready` shows it, when there is one. */
function withProgress(p: ReturnType<typeof classifierProgress>) {
  return p ? { progress: { stage: p.stage, done: p.done, total: p.total } } : {};
}
