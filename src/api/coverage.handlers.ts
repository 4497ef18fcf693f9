import { countrySummary, countrySummaryCsv, countrySummaryHtml, coverageCsv } from "../coverage/index.ts";
import { buildWorldMap, type WorldMap } from "../geo/index.ts";
import { countrySummaryRoute, coverageRoute, worldMapRoute } from "./coverage.routes.ts";
import { requireRead } from "./internal/auth.ts";
import type { Insights } from "../coverage/index.ts";
import type { ApiApp, ApiDeps } from "./types.ts";

/** `GET /v1/coverage`, its map shapes and the per-country summary, over the coverage service. */
export function registerCoverage(app: ApiApp, deps: ApiDeps & Insights): void {
  const read = requireRead(deps.config.PUBLIC_READ);
  const { coverage, countries } = deps;
  let map: WorldMap | undefined;

  app.openapi({ ...coverageRoute, middleware: [read] }, async (c) => {
    const q = c.req.valid("query");
    const report = await coverage.coverage({
      by: q.by,
      country: q.country,
      target: q.target,
      type: q.type,
      from: q.from,
      to: q.to,
      tagSource: q.tagSource,
      perCell: q.perCell,
    });
    if (q.format === "csv") {
      c.header("Content-Disposition", `attachment; filename="gbf-coverage-${q.tagSource}.csv"`);
      return c.body(coverageCsv(report), 200, { "Content-Type": "text/csv; charset=utf-8" });
    }
    return c.json(report, 200);
  });

  app.openapi({ ...worldMapRoute, middleware: [read] }, (c) => {
    map ??= buildWorldMap(countries);
    c.header("Cache-Control", "public, max-age=86400");
    return c.json(map, 200);
  });

  app.openapi({ ...countrySummaryRoute, middleware: [read] }, async (c) => {
    const { country } = c.req.valid("param");
    const q = c.req.valid("query");
    const summary = await countrySummary(coverage, countries, {
      country,
      tagSource: q.tagSource,
      perTarget: q.perTarget,
    });
    if (q.format === "csv") {
      c.header("Content-Disposition", `attachment; filename="gbf-summary-${country}.csv"`);
      return c.body(countrySummaryCsv(summary), 200, { "Content-Type": "text/csv; charset=utf-8" });
    }
    if (q.format === "html") {
      const html = countrySummaryHtml(summary, (id) => `/#/documents/${encodeURIComponent(id)}`);
      // A self-contained page: no script, styles inline.
      c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'");
      return c.html(html, 200);
    }
    return c.json(summary as unknown as Record<string, unknown>, 200);
  });
}
