import type { EvalMeta, EvalMetrics, WorstError } from "../types.ts";
// The web page draws the same charts from this file (served as /ui/chart-svg.js): one implementation.
import { confusionHeatMap, labelBars, reliabilityChart } from "../../api/ui/chart-svg.js";
import { esc, highlight, longLabel, num, pct, shortLabel } from "./html.ts";

function card(key: string, value: string, note = ""): string {
  return `<li class="card"><div class="k">${esc(key)}</div><div class="v">${esc(value)}</div>${note ? `<div class="n">${esc(note)}</div>` : ""}</li>`;
}

export function summarySection(m: EvalMetrics): string {
  const s = m.summary;
  return (
    `<section aria-labelledby="s-sum"><h2 id="s-sum">Summary</h2><ul class="cards">` +
    card(
      "Examples scored",
      String(s.n),
      m.skippedNoGold.length ? `${m.skippedNoGold.length} without a label in the space` : "",
    ) +
    card("Precision@1", pct(s.precisionAt1), "top label is gold") +
    card("Recall@3", pct(s.recallAt3), `hit@3 ${pct(s.hitAt3)}`) +
    card(
      "Micro-F1 (suggest)",
      pct(s.microF1.suggest),
      `P ${pct(s.microPrecision.suggest)} · R ${pct(s.microRecall.suggest)}`,
    ) +
    card(
      "Micro-F1 (suggest+review)",
      pct(s.microF1.suggestReview),
      `P ${pct(s.microPrecision.suggestReview)} · R ${pct(s.microRecall.suggestReview)}`,
    ) +
    card("Macro-F1", pct(s.macroF1.suggest), `suggest+review ${pct(s.macroF1.suggestReview)}`) +
    (s.balancedAccuracy
      ? card(
          "Balanced accuracy",
          pct(s.balancedAccuracy.suggest),
          `yes/no decisions, as many yes as no · per-label mean ${pct(s.macroBalancedAccuracy?.suggest ?? Number.NaN)}`,
        )
      : "") +
    card("Coverage", pct(s.coverage.suggest), `≥1 suggestion · with review ${pct(s.coverage.suggestReview)}`) +
    (s.evidence
      ? card(
          "Evidence in the right sentence",
          pct(s.evidence.rate),
          `${s.evidence.hits} of ${s.evidence.judged} suggested gold labels: the first passage shown is the sentence the dataset names`,
        )
      : "") +
    card("Brier score", num(s.brier), "lower is better") +
    card("ECE", num(s.ece), "calibration error, lower is better") +
    `</ul><p class="note">Matching is strict: a label counts only when its id equals a gold id (a target of the gold goal is a miss). F1 counts <em>suggest</em> decisions as positive; the suggest+review figures also count <em>review</em>. Macro-F1 averages over labels that are gold or predicted.</p></section>`
  );
}

export function perLabelSection(m: EvalMetrics, meta: EvalMeta): string {
  // Labels that are neither gold nor suggested would only draw empty bars.
  const charted = m.perLabel.filter((l) => l.support > 0 || l.suggest.tp + l.suggest.fp > 0);
  const rows = m.perLabel
    .map(
      (l) =>
        `<tr><th scope="row">${esc(longLabel(l.id, meta.labelTitles))}</th><td class="r">${l.support}</td>` +
        `<td class="r">${pct(l.suggest.precision)}</td><td class="r">${pct(l.suggest.recall)}</td><td class="r">${pct(l.suggest.f1)}</td>` +
        `<td class="r">${pct(l.suggestReview.f1)}</td></tr>`,
    )
    .join("");
  return (
    `<section aria-labelledby="s-lab"><h2 id="s-lab">Per label</h2>${labelBars(charted, (id) => meta.labelTitles?.[id])}` +
    `<div class="scroll"><table><caption>Suggest decisions; the last column also counts review decisions.</caption>` +
    `<thead><tr><th scope="col">Label</th><th scope="col" class="r">Support</th><th scope="col" class="r">Precision</th><th scope="col" class="r">Recall</th><th scope="col" class="r">F1</th><th scope="col" class="r">F1 (+review)</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></div></section>`
  );
}

export function chartsSection(m: EvalMetrics, meta: EvalMeta): string {
  return (
    `<section aria-labelledby="s-conf"><h2 id="s-conf">Confusion (gold → top-1)</h2><div class="scroll">${confusionHeatMap(m.confusion, (id) => meta.labelTitles?.[id])}</div>` +
    `<p class="note">Rows: gold label; columns: top-ranked prediction; diagonal outlined.</p></section>` +
    `<section aria-labelledby="s-cal"><h2 id="s-cal">Calibration</h2>${reliabilityChart(m.calibration)}` +
    `<p class="note">Over ${m.calibration.pairs} (text, label) pairs; a label the classifier did not return counts as score 0. Brier ${num(m.calibration.brier)}, ECE ${num(m.calibration.ece)}.</p></section>`
  );
}

export function languageSection(m: EvalMetrics): string {
  const genres = (m.perGenre ?? []).some((r) => r.language !== "unknown")
    ? rowsTable(m.perGenre, "genre", "Genre")
    : "";
  const noData = m.noData?.length
    ? `<p class="note">No data (no test example, so not scored — not a 0): ${m.noData.map((id) => esc(shortLabel(id))).join(", ")}.</p>`
    : "";
  return rowsTable(m.perLanguage, "lang", "Language") + genres + noData;
}

function rowsTable(perRow: EvalMetrics["perLanguage"], key: string, title: string): string {
  const rows = perRow
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.language)}</th><td class="r">${r.n}</td><td class="r">${pct(r.precisionAt1)}</td><td class="r">${pct(r.recallAt3)}</td><td class="r">${pct(r.hitAt3)}</td><td class="r">${pct(r.microF1)}</td></tr>`,
    )
    .join("");
  return (
    `<section aria-labelledby="s-${key}"><h2 id="s-${key}">Per ${title.toLowerCase()}</h2><div class="scroll"><table>` +
    `<thead><tr><th scope="col">${title}</th><th scope="col" class="r">n</th><th scope="col" class="r">P@1</th><th scope="col" class="r">R@3</th><th scope="col" class="r">Hit@3</th><th scope="col" class="r">Micro-F1</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></div></section>`
  );
}

function errorRow(e: WorstError, meta: EvalMeta): string {
  const top = e.top.map((t) => `${esc(shortLabel(t.id))} ${num(t.score, 2)} (${esc(t.decision)})`).join(", ");
  const evidence = e.evidence.length
    ? e.evidence.map((ev) => `<div>${esc(ev.signal)}: “${esc(ev.text)}”</div>`).join("")
    : `<span class="note">no evidence</span>`;
  return (
    `<tr><td><span class="tag ${e.kind}">${e.kind === "missed" ? "missed gold" : "wrong label"}</span><br>` +
    `<span title="${esc(longLabel(e.label, meta.labelTitles))}">${esc(shortLabel(e.label))}</span> ${num(e.score, 2)}</td>` +
    `<td dir="auto">${highlight(e.text, e.evidence)}<div class="note">${esc(e.exampleId)}${e.language ? ` · ${esc(e.language)}` : ""}</div></td>` +
    `<td>${e.gold.map((g) => esc(shortLabel(g))).join(", ")}</td><td>${top || "—"}</td><td>${evidence}</td></tr>`
  );
}

export function errorsSection(m: EvalMetrics, meta: EvalMeta): string {
  const body = m.worstErrors.length
    ? m.worstErrors.map((e) => errorRow(e, meta)).join("")
    : `<tr><td colspan="5">No errors.</td></tr>`;
  return (
    `<section aria-labelledby="s-err"><h2 id="s-err">Worst errors</h2><div class="scroll"><table>` +
    `<caption>Gold labels scored low (missed) and non-gold labels scored high (wrong), worst first; evidence for the label is highlighted.</caption>` +
    `<thead><tr><th scope="col">Error</th><th scope="col">Text</th><th scope="col">Gold</th><th scope="col">Top 3</th><th scope="col">Evidence</th></tr></thead>` +
    `<tbody>${body}</tbody></table></div></section>`
  );
}

export function metaSection(meta: EvalMeta): string {
  const thresholds = meta.thresholds
    .map(
      (t) =>
        `<tr><th scope="row">${esc(t.scope)}</th><td>${
          Object.entries(t.values)
            .map(([k, v]) => `${esc(k)} ${esc(typeof v === "number" ? num(v) : v)}`)
            .join(", ") || "—"
        }</td></tr>`,
    )
    .join("");
  const skipped = meta.skippedLines?.length
    ? `<h3>Skipped dataset lines</h3><ul>${meta.skippedLines.map((s) => `<li>line ${s.line}: ${esc(s.message)}</li>`).join("")}</ul>`
    : "";
  return (
    `<section aria-labelledby="s-meta"><h2 id="s-meta">Run</h2><dl>` +
    `<dt>Dataset</dt><dd>${esc(meta.dataset)}</dd>` +
    `<dt>Label space</dt><dd>${esc(meta.labelSpace ?? "gbf")}</dd>` +
    `<dt>Mode</dt><dd>${esc(meta.mode)}${meta.folds ? ` (${meta.folds} grouped folds)` : ""}</dd>` +
    `<dt>Date</dt><dd>${esc(meta.createdAt)}</dd>` +
    `<dt>Embedding model</dt><dd>${esc(meta.modelId)}</dd>` +
    `<dt>Classifier version</dt><dd>${esc(meta.classifierVersion)}</dd></dl>` +
    `<div class="scroll"><table><caption>Thresholds</caption><thead><tr><th scope="col">Scope</th><th scope="col">Values</th></tr></thead><tbody>${thresholds}</tbody></table></div>${skipped}</section>`
  );
}
