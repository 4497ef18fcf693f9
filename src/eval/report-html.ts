import { esc } from "./internal/html.ts";
import { REPORT_CSS } from "./internal/report-css.ts";
import {
  chartsSection,
  errorsSection,
  languageSection,
  metaSection,
  perLabelSection,
  summarySection,
} from "./internal/report-sections.ts";
import type { EvalMeta, EvalMetrics } from "./types.ts";

export { REPORT_CSS };

/**
 * The report's body: summary cards, per-label bars, confusion heat map, reliability curve,
 * per-language table, worst errors and run facts, in one `<div class="chm-eval">`. Pair it with
 * `REPORT_CSS` to embed the same report in the web UI. All document text is escaped.
 */
export function renderReportBody(metrics: EvalMetrics, meta: EvalMeta): string {
  return (
    `<div class="chm-eval"><header><h1>chm-lens classification eval</h1>` +
    `<p class="sub">${esc(meta.dataset)} · ${esc(meta.mode)} · ${esc(meta.createdAt)}</p>` +
    (meta.goldPolicy ? `<p class="sub">${esc(meta.goldPolicy)}</p>` : "") +
    `</header>` +
    summarySection(metrics) +
    perLabelSection(metrics, meta) +
    chartsSection(metrics, meta) +
    languageSection(metrics) +
    errorsSection(metrics, meta) +
    metaSection(meta) +
    `</div>`
  );
}

/**
 * One self-contained HTML page (inline CSS and SVG, no scripts, fonts or network), readable when
 * opened from disk and at phone width.
 */
export function renderReport(metrics: EvalMetrics, meta: EvalMeta): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>chm-lens eval — ${esc(meta.dataset)} — ${esc(meta.createdAt)}</title>` +
    `<style>body{margin:0;background:#fff}${REPORT_CSS}</style></head>` +
    `<body><main>${renderReportBody(metrics, meta)}</main></body></html>\n`
  );
}
