import type { Suggestion } from "../../classify/types.ts";
import type { EvalRecord, RankedLabel, WorstError } from "../types.ts";

/** A record with its label-space ranking already computed. */
export interface RankedRecord {
  record: EvalRecord;
  ranked: Suggestion[];
  gold: Set<string>;
}

export function toRankedLabels(ranked: Suggestion[], n: number): RankedLabel[] {
  return ranked.slice(0, n).map((s) => ({ id: s.id, score: s.score, decision: s.decision }));
}

/**
 * The most severe errors: gold labels that were not suggested (severity 1 − score; a label the
 * classifier did not return scores 0) and non-gold labels that were suggested or ranked first
 * (severity = score). Each keeps the label's two best pieces of evidence.
 */
export function worstErrors(items: RankedRecord[], limit: number): WorstError[] {
  const errors: WorstError[] = [];
  for (const { record, ranked, gold } of items) {
    const { example } = record;
    const base = {
      exampleId: example.id,
      language: example.language,
      text: example.text,
      gold: [...gold],
      top: toRankedLabels(ranked, 3),
    };
    for (const id of gold) {
      const s = ranked.find((r) => r.id === id);
      if (s?.decision === "suggest") continue;
      const score = s?.score ?? 0;
      errors.push({
        ...base,
        kind: "missed",
        label: id,
        score,
        severity: 1 - score,
        evidence: s?.evidence.slice(0, 2) ?? [],
      });
    }
    ranked.forEach((s, rank) => {
      if (gold.has(s.id) || (s.decision !== "suggest" && rank > 0)) return;
      errors.push({
        ...base,
        kind: "wrong",
        label: s.id,
        score: s.score,
        severity: s.score,
        evidence: s.evidence.slice(0, 2),
      });
    });
  }
  return errors
    .sort((a, b) => b.severity - a.severity || a.exampleId.localeCompare(b.exampleId) || a.label.localeCompare(b.label))
    .slice(0, limit);
}
