import { toCsv } from "../search/index.ts";
import type { CountrySummary } from "./country-summary.ts";
import type { CoverageReport } from "./types.ts";

/** The coverage matrix as CSV: one row per report row, one column per report column (counts). */
export function coverageCsv(report: CoverageReport): string {
  const count = new Map(report.cells.map((c) => [`${c.country}|${c.label}`, c.count]));
  const key = (row: string, col: string) => (report.by === "country" ? `${row}|${col}` : `${col}|${row}`);
  const header = [report.by === "country" ? "country" : "target", "name", ...report.columns.map((c) => c.id)];
  const rows = report.rows.map((r) => [r.id, r.name, ...report.columns.map((c) => count.get(key(r.id, c.id)) ?? 0)]);
  return toCsv([header, ...rows]);
}

/** A country summary as CSV: one row per (target, document, passage); a target with no evidence is one row too. */
export function countrySummaryCsv(s: CountrySummary): string {
  const rows: (string | number)[][] = [
    ["country", "target", "target_name", "documents", "document_id", "document_title", "page", "passage", "source_url"],
  ];
  for (const t of s.targets) {
    if (t.documents.length === 0) rows.push([s.country, t.id, t.name, 0, "", "", "", "", ""]);
    for (const d of t.documents) {
      const passages = d.evidence.length > 0 ? d.evidence : [{ text: "", page: undefined }];
      for (const p of passages)
        rows.push([s.country, t.id, t.name, t.count, d.id, d.title, p.page ?? "", p.text, d.sourceUrl ?? ""]);
    }
  }
  return toCsv(rows);
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * A country summary as one self-contained printable HTML page (no script, no external asset).
 * `documentUrl` turns a document id into the link a reader follows.
 */
export function countrySummaryHtml(s: CountrySummary, documentUrl: (id: string) => string): string {
  const covered = s.targets.length - s.gaps.length;
  const sections = s.targets.map((t) => {
    const short = t.id.replace("GBF-TARGET-", "Target ").replace("GBF-GOAL-", "Goal ");
    if (t.documents.length === 0) {
      return `<section class="gap"><h2>${esc(short)}: ${esc(t.name)}</h2><p>No document from ${esc(s.countryName)} addresses this yet.</p></section>`;
    }
    const docs = t.documents
      .map((d) => {
        const passages = d.evidence
          .map((p) => `<blockquote>${esc(p.text)}${p.page ? ` <cite>p. ${p.page}</cite>` : ""}</blockquote>`)
          .join("");
        const source = d.sourceUrl ? ` · <a href="${esc(d.sourceUrl)}">source</a>` : "";
        const none =
          d.evidence.length === 0 ? "<p class=note>Tagged without a passage (reviewer or source system).</p>" : "";
        return `<li><a href="${esc(documentUrl(d.id))}">${esc(d.title)}</a>${source}${passages}${none}</li>`;
      })
      .join("");
    return `<section><h2>${esc(short)}: ${esc(t.name)}</h2><p>${t.count} document(s)</p><ul>${docs}</ul></section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>GBF evidence summary: ${esc(s.countryName)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-bottom:.2rem}section{border-top:1px solid #ccc;padding:.5rem 0}
.gap h2{color:#8a1c1c}blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid #2e8b57}
cite{color:#555;font-style:normal}.note{color:#555}</style></head><body>
<h1>GBF evidence summary: ${esc(s.countryName)} (${esc(s.country)})</h1>
<p>${s.documentsInScope} document(s); ${covered} of ${s.targets.length} GBF targets and goals have evidence, ${s.gaps.length} have none yet.
Tags counted: ${esc(s.tagSource)}. Generated ${esc(s.generatedAt)} by chm-lens.</p>
${sections.join("\n")}
</body></html>`;
}
