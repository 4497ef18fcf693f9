import { shortLabel } from "./internal/html.ts";
import type { EvalMeta, EvalMetrics, LanguageRow } from "./types.ts";

const p = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const row = (r: LanguageRow) =>
  `${r.language.padEnd(8)} ${String(r.n).padStart(6)} ${p(r.precisionAt1)} ${p(r.recallAt3)}    ${p(r.microF1)}`;

/**
 * A concise plain-text summary for the terminal: overall figures, the per-language table and
 * the labels with the lowest F1.
 */
export function formatSummary(m: EvalMetrics, meta: EvalMeta, worstLabels = 5): string {
  const s = m.summary;
  const lines = [
    `chm-lens eval — ${meta.dataset} (${meta.mode}${meta.folds ? `, ${meta.folds} folds` : ""}) — model ${meta.modelId}, classifier ${meta.classifierVersion}`,
    `examples ${s.n}  P@1 ${p(s.precisionAt1)}  R@3 ${p(s.recallAt3)}  hit@3 ${p(s.hitAt3)}  coverage ${p(s.coverage.suggest)}`,
    `micro-F1 suggest ${p(s.microF1.suggest)}  suggest+review ${p(s.microF1.suggestReview)}  macro-F1 ${p(s.macroF1.suggest)}  Brier ${s.brier.toFixed(3)}  ECE ${s.ece.toFixed(3)}`,
    `micro P ${p(s.microPrecision.suggest)}  micro R ${p(s.microRecall.suggest)}  decision accuracy ${p(s.accuracy?.suggest ?? Number.NaN)} (every text × label, suggest = yes)`,
    `balanced accuracy ${p(s.balancedAccuracy?.suggest ?? Number.NaN)}  per-label mean ${p(s.macroBalancedAccuracy?.suggest ?? Number.NaN)} (mean of recall and true-negative rate: as many yes as no pairs)`,
    ...(s.evidence
      ? [
          `evidence in the right sentence ${p(s.evidence.rate)} (${s.evidence.hits} of ${s.evidence.judged} suggested gold labels whose sentence the dataset names)`,
        ]
      : []),
    "",
    "language      n    P@1    R@3  micro-F1",
    ...m.perLanguage.map(row),
  ];
  if ((m.perGenre ?? []).some((r) => r.language !== "unknown"))
    lines.push("", "genre         n    P@1    R@3  micro-F1", ...m.perGenre.map(row));
  const weakest = m.perLabel
    .filter((l) => l.support > 0)
    .sort((a, b) => a.suggest.f1 - b.suggest.f1 || b.support - a.support)
    .slice(0, worstLabels);
  if (weakest.length > 0) {
    lines.push("", "weakest labels (suggest F1, support):");
    for (const l of weakest)
      lines.push(
        `  ${shortLabel(l.id).padEnd(7)} F1 ${p(l.suggest.f1)}  P ${p(l.suggest.precision)}  R ${p(l.suggest.recall)}  n=${l.support}`,
      );
  }
  // Labels with no gold examples can only be wrong; list them apart so they do not crowd out the above.
  const neverGold = m.perLabel
    .filter((l) => l.support === 0 && l.suggest.fp > 0)
    .sort((a, b) => b.suggest.fp - a.suggest.fp);
  if (neverGold.length > 0) {
    lines.push(`suggested but never gold: ${neverGold.map((l) => `${shortLabel(l.id)} ×${l.suggest.fp}`).join(", ")}`);
  }
  if (m.noData?.length)
    lines.push(`no data (no test example, not scored): ${m.noData.map((id) => shortLabel(id)).join(", ")}`);
  return lines.join("\n");
}
