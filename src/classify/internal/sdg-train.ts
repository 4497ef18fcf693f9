/** Raw SDG signals of a text, and fitting the SDG model on SDG-labelled examples. */
import type { LabelledExample } from "../types.ts";
import { auroraHits } from "./aurora-load.ts";
import type { ScorerParts } from "./scorer.ts";
import { type SdgModel, type SdgRaw, sdgFeatureRows, type SdgTrainingRow, trainSdgModel } from "./sdg-model.ts";
import { semanticScores } from "./semantic.ts";
import { tokenize } from "./text.ts";

/** Texts longer than this are scored for SDGs chunk by chunk; shorter ones as a whole (an abstract). */
export const SDG_WHOLE_TEXT_CHARS = 4000;

export const isSdg = (id: string) => id.startsWith("SUSTAINABLE-DEVELOPMENT-GOAL-");

/** The SDG model's inputs for one text; `vec` (unit length) feeds the semantic features. */
export function sdgRaw(parts: ScorerParts, text: string, vec?: Float32Array): SdgRaw {
  const sdgVectors = parts.labelVectors.filter((l) => isSdg(l.labelId));
  return {
    aurora: auroraHits(parts.aurora, text),
    kw: parts.matcher.scores(parts.matcher.hits(text, tokenize(text))),
    tfidf: parts.index.score(text),
    sem: vec ? semanticScores(vec, sdgVectors) : new Map(),
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
 * Fits the SDG model on the examples that carry SDG labels. With `vectors` (one per example, or
 * undefined) the semantic features are used; without them they are switched off, so training
 * needs no embeddings.
 */
export function fitSdgModel(
  parts: ScorerParts,
  examples: LabelledExample[],
  sdgIds: string[],
  vectors?: Array<Float32Array | undefined>,
): SdgModel | undefined {
  const usable = examples.filter((e) => e.labels.some(isSdg));
  if (usable.length < 20) return undefined;
  const off = vectors ? [] : ["sem"];
  const rows: SdgTrainingRow[] = [];
  usable.forEach((e) => {
    const vec = vectors?.[examples.indexOf(e)];
    for (const [labelId, x] of sdgFeatureRows(sdgRaw(parts, e.text, vec), sdgIds, off))
      rows.push({ key: e.key ?? e.id, labelId, x, y: e.labels.includes(labelId) ? 1 : 0 });
  });
  return trainSdgModel(rows, sdgIds, off);
}
