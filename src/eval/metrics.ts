import type { Vocabulary } from "../vocab/types.ts";
import { calibrate, type ScoredPair } from "./internal/calibration.ts";
import { confusionMatrix } from "./internal/confusion.ts";
import { evidenceAgreement } from "./evidence.ts";
import { addExample, prf, sumCounts, type Counts } from "./internal/f1.ts";
import { hitAt1, hitAtK, predictedSets, rankInSpace, ratio, recallAtK } from "./internal/ranking.ts";
import { toRankedLabels, worstErrors, type RankedRecord } from "./internal/worst-errors.ts";
import type { DecisionMode, EvalMetrics, EvalRecord, ExampleOutcome, LabelMetrics, LanguageRow } from "./types.ts";

/** The default label space: the GBF goals then the GBF targets, in vocabulary order. */
export function gbfLabelSpace(vocab: Vocabulary): string[] {
  return [...vocab.terms("gbf-goals"), ...vocab.terms("gbf-targets")].map((t) => t.identifier);
}

export interface MetricsOptions {
  /** Label ids scored (suggestions and gold labels outside it are ignored). */
  labelSpace: string[];
  /** How many worst errors to keep (default 15). */
  worstLimit?: number;
}

const MODES: DecisionMode[] = ["suggest", "suggestReview"];

/**
 * Every eval metric from per-example results. Matching is strict: a label counts only when its id
 * equals a gold id, so predicting target 5 for a text labelled "goal A" is a miss even though
 * target 5 serves goal A. `suggest` decisions are the predicted positives; the `suggestReview`
 * figures also count `review` decisions as positive.
 */
export function computeMetrics(records: EvalRecord[], opts: MetricsOptions): EvalMetrics {
  const space = new Set(opts.labelSpace);
  const items: RankedRecord[] = [];
  const skippedNoGold: string[] = [];
  const impliedOf = new Map<RankedRecord, Set<string>>();
  for (const record of records) {
    const gold = new Set(record.example.labels.filter((l) => space.has(l)));
    const implied = new Set((record.implied ?? []).filter((l) => !gold.has(l)));
    const itemSpace = implied.size ? new Set([...space].filter((l) => !implied.has(l))) : space;
    if (gold.size === 0) skippedNoGold.push(record.example.id);
    else {
      const item = { record, ranked: rankInSpace(record.result, itemSpace), gold };
      items.push(item);
      impliedOf.set(item, implied);
    }
  }

  const perLabelCounts = { suggest: new Map<string, Counts>(), suggestReview: new Map<string, Counts>() };
  const support = new Map<string, number>();
  const decisions = new Map<string, number>();
  const pairs: ScoredPair[] = [];
  const examples: ExampleOutcome[] = [];
  for (const item of items) {
    const { record, ranked, gold } = item;
    const implied = impliedOf.get(item)!;
    const predicted = predictedSets(ranked);
    for (const mode of MODES) addExample(perLabelCounts[mode], predicted[mode], gold);
    for (const g of gold) support.set(g, (support.get(g) ?? 0) + 1);
    const scores = new Map(ranked.map((s) => [s.id, s.score]));
    for (const id of opts.labelSpace)
      if (!implied.has(id)) {
        pairs.push({ score: scores.get(id) ?? 0, gold: gold.has(id) });
        decisions.set(id, (decisions.get(id) ?? 0) + 1);
      }
    examples.push({
      id: record.example.id,
      language: record.example.language,
      fold: record.fold,
      gold: [...gold],
      top: toRankedLabels(ranked, 5),
      suggested: [...predicted.suggest],
      reviewed: [...predicted.suggestReview].filter((id) => !predicted.suggest.has(id)),
    });
  }

  const perLabel: LabelMetrics[] = opts.labelSpace
    .filter((id) => support.has(id) || perLabelCounts.suggestReview.has(id))
    .map((id) => ({
      id,
      support: support.get(id) ?? 0,
      suggest: prf(perLabelCounts.suggest.get(id) ?? { tp: 0, fp: 0, fn: 0 }),
      suggestReview: prf(perLabelCounts.suggestReview.get(id) ?? { tp: 0, fp: 0, fn: 0 }),
    }));
  // Macro-F1 averages over labels that are gold or predicted under the mode (as scikit-learn does by
  // default), so a label suggested but never gold pulls it down with F1 0.
  const macroLabels = (mode: DecisionMode) => perLabel.filter((l) => l.support > 0 || l[mode].tp + l[mode].fp > 0);
  const byMode = <T>(f: (mode: DecisionMode) => T) => ({ suggest: f("suggest"), suggestReview: f("suggestReview") });
  const micro = byMode((mode) => prf(sumCounts(perLabelCounts[mode].values())));
  const calibration = calibrate(pairs);
  const ranking = rankingSummary(items);
  const agreement = evidenceAgreement(items.map((i) => i.record));

  return {
    labelSpace: opts.labelSpace,
    summary: {
      n: items.length,
      ...ranking,
      microF1: byMode((m) => micro[m].f1),
      microPrecision: byMode((m) => micro[m].precision),
      microRecall: byMode((m) => micro[m].recall),
      macroF1: byMode((m) =>
        ratio(
          macroLabels(m).reduce((a, l) => a + l[m].f1, 0),
          macroLabels(m).length,
        ),
      ),
      coverage: byMode((m) =>
        ratio(
          examples.filter((e) => (m === "suggest" ? e.suggested.length : e.suggested.length + e.reviewed.length) > 0)
            .length,
          items.length,
        ),
      ),
      // Every (text, label) decision of the space: what a benchmark of yes/no judgements scores.
      accuracy: byMode((m) => 1 - ratio(micro[m].fp + micro[m].fn, pairs.length)),
      balancedAccuracy: byMode((m) => {
        const negatives = pairs.filter((x) => !x.gold).length;
        return (micro[m].recall + 1 - ratio(micro[m].fp, negatives)) / 2;
      }),
      macroBalancedAccuracy: byMode((m) => {
        const rows = perLabel.filter((l) => l.support > 0 && (decisions.get(l.id) ?? 0) > l.support);
        const bal = (l: LabelMetrics) => (l[m].recall + 1 - l[m].fp / ((decisions.get(l.id) ?? 0) - l.support)) / 2;
        return ratio(
          rows.reduce((a, l) => a + bal(l), 0),
          rows.length,
        );
      }),
      brier: calibration.brier,
      ece: calibration.ece,
      ...(agreement ? { evidence: agreement } : {}),
    },
    perLabel,
    confusion: confusionMatrix(
      items.map((it) => ({ gold: [...it.gold], top: it.ranked[0]?.id })),
      opts.labelSpace,
    ),
    calibration,
    perLanguage: perLanguage(items, (it) => it.record.example.language),
    perGenre: perLanguage(items, (it) => it.record.example.genre),
    noData: opts.labelSpace.filter((id) => !support.has(id)),
    worstErrors: worstErrors(items, opts.worstLimit ?? 15),
    examples,
    skippedNoGold,
  };
}

function rankingSummary(items: RankedRecord[]) {
  const mean = (f: (it: RankedRecord) => number) =>
    ratio(
      items.reduce((a, it) => a + f(it), 0),
      items.length,
    );
  return {
    precisionAt1: mean((it) => hitAt1(it.ranked, it.gold)),
    recallAt3: mean((it) => recallAtK(it.ranked, it.gold, 3)),
    hitAt3: mean((it) => hitAtK(it.ranked, it.gold, 3)),
  };
}

function perLanguage(items: RankedRecord[], by: (it: RankedRecord) => string | undefined): LanguageRow[] {
  const groups = new Map<string, RankedRecord[]>();
  for (const it of items) {
    const lang = by(it) ?? "unknown";
    groups.set(lang, [...(groups.get(lang) ?? []), it]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([language, group]) => {
      const counts = new Map<string, Counts>();
      for (const it of group) addExample(counts, predictedSets(it.ranked).suggest, it.gold);
      return { language, n: group.length, ...rankingSummary(group), microF1: prf(sumCounts(counts.values())).f1 };
    });
}
