import { requireRead } from "./internal/auth.ts";
import { filtersOf } from "./internal/query.ts";
import { formatSearch } from "./search-formats.ts";
import { searchRoute, similarRoute } from "./search.routes.ts";
import type { ApiApp, ApiDeps } from "./types.ts";

/** `GET /v1/search` and `GET /v1/documents/{id}/similar` over the search service. */
export function registerSearch(app: ApiApp, deps: ApiDeps): void {
  const read = requireRead(deps.config.PUBLIC_READ);

  app.openapi({ ...searchRoute, middleware: [read] }, async (c) => {
    const q = c.req.valid("query");
    const res = await deps.search.search({
      q: q.q,
      mode: q.mode,
      group: q.group,
      limit: q.limit,
      cursor: q.cursor,
      sort: q.sort,
      fuzzy: q.fuzzy,
      filters: filtersOf(q),
    });
    if (q.format !== "json") {
      const origin = new URL(c.req.url).origin;
      const out = formatSearch(q.format, res, { origin, self: c.req.url, q: q.q, fields: q.fields, vocab: deps.vocab });
      return c.body(out.body, 200, { "content-type": out.type });
    }
    return c.json(res, 200);
  });

  app.openapi({ ...similarRoute, middleware: [read] }, async (c) => {
    const { id } = c.req.valid("param");
    const { limit } = c.req.valid("query");
    return c.json({ hits: await deps.search.similar(id, limit) }, 200);
  });
}
