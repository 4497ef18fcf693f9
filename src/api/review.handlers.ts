import { AppError } from "../errors.ts";
import { applyAutoAccept, loadAutoAccept, saveAutoAccept } from "../ingest/index.ts";
import { bulkReview, reviewHistory, reviewQueue, reviewStats } from "../review/index.ts";
import { termLabel } from "../search/index.ts";
import { requirePrincipal, requireRole } from "./internal/auth.ts";
import {
  bulkRoute,
  getAutoAcceptRoute,
  historyRoute,
  putAutoAcceptRoute,
  queueRoute,
  statsRoute,
} from "./review.routes.ts";
import type { ApiApp, ApiDeps } from "./types.ts";

/**
 * The Secretariat's review routes: queue, bulk decisions, history, per-label rates and the
 * auto-accept thresholds. Reviewing across documents is a secretariat role (submitters review
 * their own documents through `POST /v1/documents/{id}/tags`).
 */
export function registerReview(app: ApiApp, deps: Pick<ApiDeps, "store" | "vocab">): void {
  const { store, vocab } = deps;
  const secretariat = requireRole("secretariat");

  app.openapi({ ...queueRoute, middleware: [secretariat] }, async (c) => {
    const q = c.req.valid("query");
    if (q.minScore !== undefined && q.maxScore !== undefined && q.minScore > q.maxScore) {
      throw new AppError("validation_failed", "minScore must not exceed maxScore", { details: { field: "minScore" } });
    }
    const unknown = (q.label ?? []).filter((id) => !vocab.get(id));
    if (unknown.length > 0) {
      throw new AppError("unknown_label", `Unknown label(s): ${unknown.join(", ")}`, { details: { labels: unknown } });
    }
    const page = await reviewQueue(store, {
      limit: q.limit,
      ...(q.country ? { countries: q.country } : {}),
      ...(q.label ? { labels: q.label } : {}),
      ...(q.minScore !== undefined ? { minScore: q.minScore } : {}),
      ...(q.maxScore !== undefined ? { maxScore: q.maxScore } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    });
    const items = page.items.map((it) => ({
      ...it,
      pending: it.pending.map((s) => ({
        labelId: s.id,
        label: termLabel(vocab, s.id),
        space: s.space,
        score: s.score,
        decision: s.decision as "suggest" | "review",
        evidence: s.evidence.slice(0, 1),
      })),
    }));
    return c.json({ items, nextCursor: page.nextCursor }, 200);
  });

  app.openapi({ ...bulkRoute, middleware: [secretariat] }, async (c) => {
    const { items } = c.req.valid("json");
    const p = requirePrincipal(c.get("principal"));
    const reviewer = { user: `${p.role}:${p.fingerprint}`, ownerIds: [p.fingerprint], secretariat: true };
    const results = await bulkReview({ store, vocab }, reviewer, items);
    const failed = results.filter((r) => !r.ok);
    const body = { results, applied: results.length - failed.length, failed: failed.length };
    if (failed.length > 0) {
      const named = failed
        .slice(0, 5)
        .map((r) => `${r.documentId} ${r.labelId}: ${r.ok ? "" : r.error.code}`)
        .join("; ");
      throw new AppError(
        "validation_failed",
        `${failed.length} of ${results.length} items were not applied (the other ${body.applied} were): ${named}`,
        { details: body },
      );
    }
    return c.json(body, 200);
  });

  app.openapi({ ...statsRoute, middleware: [secretariat] }, async (c) => {
    const { labels, decisions } = await reviewStats(store);
    return c.json({ labels: labels.map((l) => ({ ...l, label: termLabel(vocab, l.labelId) })), decisions }, 200);
  });

  app.openapi({ ...historyRoute, middleware: [secretariat] }, async (c) => {
    const q = c.req.valid("query");
    const page = await reviewHistory(store, {
      limit: q.limit,
      ...(q.documentId ? { documentId: q.documentId } : {}),
      ...(q.user ? { user: q.user } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    });
    return c.json(
      { entries: page.entries.map((e) => ({ ...e, label: termLabel(vocab, e.labelId) })), nextCursor: page.nextCursor },
      200,
    );
  });

  app.openapi({ ...getAutoAcceptRoute, middleware: [secretariat] }, async (c) =>
    c.json({ thresholds: await loadAutoAccept(store) }, 200),
  );

  app.openapi({ ...putAutoAcceptRoute, middleware: [secretariat] }, async (c) => {
    const { thresholds } = c.req.valid("json");
    const saved = await saveAutoAccept(store, vocab, thresholds);
    return c.json({ thresholds: saved, updated: await applyAutoAccept({ store, vocab }) }, 200);
  });
}
