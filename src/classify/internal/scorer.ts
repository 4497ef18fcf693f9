import type { LabelSpace } from "../types.ts";
import type { AuroraQuery } from "./aurora-load.ts";
import { featureRows, BASE_FEATURES, KNN_FEATURES, signalOf, type RawSignals } from "./features.ts";
import { knnScores, type ExampleVector } from "./knn.ts";
import type { LabelInfo } from "./labels.ts";
import type { KeywordHit, KeywordMatcher } from "./lexical.ts";
import { contributions, predictLogistic, type LogisticModel } from "./logistic.ts";
import { semanticScores, type LabelVectors } from "./semantic.ts";
import type { SignalName } from "./state.ts";
import type { DescriptionIndex } from "./tfidf.ts";
import { tokenize } from "./text.ts";

export interface ScorerParts {
  labels: LabelInfo[];
  labelVectors: LabelVectors[];
  matcher: KeywordMatcher;
  index: DescriptionIndex;
  /** The Aurora SDG queries (empty when none are loaded). */
  aurora: AuroraQuery[];
}

export interface LabelProb {
  p: number;
  /** The evidence signal that added most to the logit. */
  signal: "semantic" | "lexical" | "example";
}

export interface TextSignals {
  raw: RawSignals;
  hits: KeywordHit[];
}

/** Raw signals of one text; `excludeKey` hides that group's examples (out-of-fold features). */
export function rawSignals(
  parts: ScorerParts,
  text: string,
  vec: Float32Array,
  examples: ExampleVector[],
  signals: readonly SignalName[],
  excludeKey?: string,
): TextSignals {
  const on = new Set(signals);
  const hits = parts.matcher.hits(text, tokenize(text));
  const raw: RawSignals = {
    sem: on.has("semantic") ? semanticScores(vec, parts.labelVectors) : new Map(),
    tfidf: on.has("tfidf") ? parts.index.score(text) : new Map(),
    kw: on.has("keywords") ? parts.matcher.scores(hits) : new Map(),
    knn: on.has("examples") && examples.length ? knnScores(vec, examples, 7, excludeKey) : undefined,
  };
  return { raw, hits };
}

export function labelIdsBySpace(labels: LabelInfo[]): Map<LabelSpace, string[]> {
  const out = new Map<LabelSpace, string[]>();
  for (const l of labels) out.set(l.space, [...(out.get(l.space) ?? []), l.id]);
  return out;
}

const FEATURE_NAMES = [...BASE_FEATURES, ...KNN_FEATURES];

/** Calibrated probability per label: the full model where the label has examples, else the base. */
export function fuse(
  raw: RawSignals,
  spaces: Map<LabelSpace, string[]>,
  fusion: { base: LogisticModel; full?: LogisticModel },
): Map<string, LabelProb> {
  const out = new Map<string, LabelProb>();
  for (const ids of spaces.values()) {
    for (const [id, f] of featureRows(raw, ids)) {
      const useFull = fusion.full !== undefined && raw.knn?.has(id) === true;
      const row = useFull ? [...f.base, ...f.knn] : f.base;
      const model = useFull ? fusion.full! : fusion.base;
      const contrib = contributions(model, row);
      const bySignal = { semantic: 0, lexical: 0, example: 0 };
      contrib.forEach((c, j) => (bySignal[signalOf(FEATURE_NAMES[j]!)] += c));
      const signal = (Object.entries(bySignal) as Array<[LabelProb["signal"], number]>).sort(
        (a, b) => b[1] - a[1],
      )[0]![0];
      out.set(id, { p: predictLogistic(model, row), signal });
    }
  }
  return out;
}
