import { AppError } from "../errors.ts";
import { validateFilters } from "../search/index.ts";
import { deleteRoute, getRoute, listRoute, tagsRoute, uploadRoute } from "./documents.routes.ts";
import { requirePrincipal, requireRead, requireRole } from "./internal/auth.ts";
import { filtersOf } from "./internal/query.ts";
import { reviewTags } from "../ingest/index.ts";
import { readUpload, safeFilename } from "./internal/upload.ts";
import { visibleSubmissions } from "./internal/submission-view.ts";
import { documentDetailView, documentView } from "./internal/views.ts";
import { cbdTagExport, documentFormat, documentJsonLd } from "./jsonld.ts";
import type { ApiApp, ApiDeps, Principal } from "./types.ts";

/** `user` recorded with feedback: role and key fingerprint, never the key. */
function who(p: Principal): string {
  return `${p.role}:${p.fingerprint}`;
}

/** Upload, list, read, delete documents and review their tags. */
export function registerDocuments(app: ApiApp, deps: ApiDeps): void {
  const { store, queue, vocab, config } = deps;
  const read = requireRead(config.PUBLIC_READ);

  app.openapi({ ...uploadRoute, middleware: [requireRole("submitter")] }, async (c) => {
    const form = c.req.valid("form");
    const principal = requirePrincipal(c.get("principal"));
    const filename = safeFilename(form.file.name, config.MAX_FILENAME_CHARS);
    const bytes = await readUpload(form.file, config.MAX_UPLOAD_MB);
    const job = await queue.enqueue({
      bytes,
      meta: {
        title: form.title,
        filename,
        country: form.country,
        recordType: form.recordType,
        sourceUrl: form.sourceUrl,
        declaredLanguage: form.language,
        submittedBy: principal.fingerprint,
      },
    });
    return c.json({ jobId: job.id, documentId: job.documentId ?? null, status: job.state }, 202);
  });

  app.openapi({ ...listRoute, middleware: [read] }, async (c) => {
    const q = c.req.valid("query");
    const filter = validateFilters(filtersOf(q), vocab);
    // One extra row tells whether another page exists.
    const docs = await store.documents.listSummaries({ limit: q.limit + 1, offset: q.offset, filter });
    const page = docs.slice(0, q.limit);
    return c.json(
      { documents: page.map(documentView), nextOffset: docs.length > q.limit ? q.offset + q.limit : null },
      200,
    );
  });

  app.openapi({ ...getRoute, middleware: [read] }, async (c) => {
    const { id } = c.req.valid("param");
    const doc = await store.documents.get(id);
    if (!doc) throw new AppError("not_found", `No document ${id}`);
    const format = documentFormat(c.req.valid("query").format, c.req.header("accept"));
    if (format !== "json") {
      const view = format === "cbd" ? cbdTagExport(doc) : documentJsonLd(doc, vocab, new URL(c.req.url).origin);
      const type = format === "cbd" ? "application/json" : "application/ld+json";
      return c.json(view, 200, { "content-type": `${type}; charset=utf-8` });
    }
    const submissions = await visibleSubmissions(store, id, c.get("principal"));
    return c.json(documentDetailView(doc, await store.feedback.forDocument(id), vocab, submissions), 200);
  });

  app.openapi({ ...deleteRoute, middleware: [requireRole("secretariat")] }, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await store.documents.delete(id))) throw new AppError("not_found", `No document ${id}`);
    deps.logger?.info({ documentId: id, by: c.get("principal")?.fingerprint }, "document deleted");
    return c.body(null, 204);
  });

  app.openapi({ ...tagsRoute, middleware: [requireRole("submitter")] }, async (c) => {
    const { id } = c.req.valid("param");
    const { actions } = c.req.valid("json");
    const p = requirePrincipal(c.get("principal"));
    const reviewer = {
      user: who(p),
      ownerIds: [p.fingerprint, ...(p.aliases ?? [])],
      secretariat: p.role === "secretariat",
    };
    const { document, feedback } = await reviewTags({ store, vocab }, reviewer, id, actions);
    return c.json(documentDetailView(document, feedback, vocab), 200);
  });
}
