/** Raw SDG signals of a text, and fitting the SDG model on SDG-labelled examples. */
import type { LabelledExample } from "../types.ts";
import { auroraHits } from "./aurora-load.ts";
import type { ExampleVector } from "./knn.ts";
import type { ScorerParts } from "./scorer.ts";
import {
  LEXICAL_OFF,
  SDG_FEATURES,
  type SdgModel,
  type SdgRaw,
  sdgFeatureRows,
  type SdgTrainingRow,
  trainSdgModel,
} from "./sdg-model.ts";
import { sdgKnnScores } from "./sdg-knn.ts";
import { vectorJson } from "./state.ts";
import { semanticScores } from "./semantic.ts";
import { tokenize } from "./text.ts";

/** Texts longer than this are scored for SDGs chunk by chunk; shorter ones as a whole (an abstract). */
export const SDG_WHOLE_TEXT_CHARS = 4000;

/** Fewer SDG-labelled texts than this leave the SDGs uncalibrated (too few to fit or choose thresholds). */
export const MIN_SDG_TEXTS = 20;

export const isSdg = (id: string) => id.startsWith("SUSTAINABLE-DEVELOPMENT-GOAL-");

/**
 * The SDG model's inputs for one text; `vec` (unit length) feeds the semantic and exemplar
 * features, `excludeKey` leaves the text's own group out of the exemplars.
 */
export function sdgRaw(
  parts: ScorerParts,
  text: string,
  vec?: Float32Array,
  exemplars: readonly ExampleVector[] = [],
  excludeKey?: string,
): SdgRaw {
  const sdgVectors = parts.labelVectors.filter((l) => isSdg(l.labelId));
  return {
    aurora: auroraHits(parts.aurora, text),
    kw: parts.matcher.scores(parts.matcher.hits(text, tokenize(text))),
    tfidf: parts.index.score(text),
    sem: vec ? semanticScores(vec, sdgVectors) : new Map(),
    knn: vec ? sdgKnnScores(vec, exemplars, excludeKey) : new Map(),
  };
}

/** Mean of unit vectors, normalised again (the vector of a text made of several embedded pieces). */
export function meanVector(vs: Float32Array[]): Float32Array | undefined {
  if (!vs.length) return undefined;
  const out = new Float32Array(vs[0]!.length);
  for (const v of vs) for (let i = 0; i < v.length; i++) out[i]! += v[i]!;
  const norm = Math.hypot(...out) || 1;
  return out.map((x) => x / norm);
}

/**
 * Every SDG's own description vectors as exemplars too: the labelled abstracts are skewed (seven
 * on poverty, hundreds on health), and a goal with few texts would otherwise look far from all.
 */
export function sdgDescriptionExemplars(parts: ScorerParts): ExampleVector[] {
  return parts.labelVectors
    .filter((l) => isSdg(l.labelId))
    .flatMap((l) => l.vectors.map((vector) => ({ key: `label:${l.labelId}`, labels: [l.labelId], vector })));
}

/**
 * Fits the SDG model on the examples that carry SDG labels. With `vectors` (one per example, or
 * undefined) the semantic features are used; without them they are switched off, so training
 * needs no embeddings. `exemplars` (SDG-labelled texts with vectors, e.g. weakly labelled
 * abstracts that are not fitted on) join the examples as neighbours for the `knn_*` features;
 * each training text is compared with all of them but its own group. `offTopic` texts (boilerplate
 * that addresses no SDG) are negatives for every SDG.
 */
export function fitSdgModel(
  parts: ScorerParts,
  examples: LabelledExample[],
  sdgIds: string[],
  vectors?: Array<Float32Array | undefined>,
  exemplars: ExampleVector[] = [],
  offTopic: Array<{ text: string; vector?: Float32Array }> = [],
): SdgModel | undefined {
  const usable = examples.filter((e) => e.labels.some(isSdg));
  if (usable.length < MIN_SDG_TEXTS) return undefined;
  const own: ExampleVector[] = [];
  usable.forEach((e) => {
    const vector = vectors?.[examples.indexOf(e)];
    if (vector) own.push({ key: e.key ?? e.id, labels: e.labels.filter(isSdg), vector });
  });
  const neighbours = vectors ? [...own, ...exemplars] : [];
  // As the classifier will see them: the stored exemplars plus the SDGs' description vectors.
  const compared = vectors ? [...neighbours, ...sdgDescriptionExemplars(parts)] : [];
  const off = vectors ? [] : ["sem", "knn"];
  const rows: SdgTrainingRow[] = [];
  usable.forEach((e) => {
    const key = e.key ?? e.id;
    const raw = sdgRaw(parts, e.text, vectors?.[examples.indexOf(e)], compared, key);
    for (const [labelId, x] of sdgFeatureRows(raw, sdgIds, off))
      rows.push({ key, labelId, x, y: e.labels.includes(labelId) ? 1 : 0 });
  });
  // Texts that address no SDG: without them every training text is about something, and the model
  // learns only which SDG a text is closest to, not whether it is close to any.
  offTopic.forEach((t, i) => {
    const key = `off-topic:${i}`;
    for (const [labelId, x] of sdgFeatureRows(sdgRaw(parts, t.text, t.vector, compared, key), sdgIds, off))
      rows.push({ key, labelId, x, y: 0 });
  });
  const exemplarState = neighbours.map((n) => ({ key: n.key, labels: n.labels, vector: vectorJson(n.vector) }));
  const mask = SDG_FEATURES.map((f) => (LEXICAL_OFF.some((o) => f.startsWith(o)) ? 0 : 1));
  const lexicalRows = rows.map((r) => ({ ...r, x: r.x.map((v, j) => v * mask[j]!) }));
  return {
    ...trainSdgModel(rows, sdgIds, off),
    exemplars: exemplarState,
    lexical: trainSdgModel(lexicalRows, sdgIds, LEXICAL_OFF),
  };
}
