/** Scores the calibrated SDG model on "units" of a text: the whole of a short text, else each chunk. */
import { detectLanguage } from "../../extract/language.ts";
import type { ChunkView } from "./evidence.ts";
import type { ExampleVector } from "./knn.ts";
import type { KeywordHit } from "./lexical.ts";
import type { LabelProb, ScorerParts } from "./scorer.ts";
import { type SdgModel, scoreSdgs } from "./sdg-model.ts";
import { isSdg, sdgRaw } from "./sdg-train.ts";
import { tokenize } from "./text.ts";

export interface SdgUnit {
  id?: string;
  page?: number;
  text: string;
  vector?: Float32Array;
}

/**
 * One view and one label → probability map per unit: SDGs get the SDG model's probability (with
 * the Aurora spans and SDG keywords as evidence hits), every other label 0, so the document
 * aggregation (best unit, nudged by a second) and the evidence picking work unchanged.
 */
export function scoreSdgUnits(
  parts: ScorerParts,
  model: SdgModel,
  sdgIds: string[],
  units: SdgUnit[],
  exemplars: readonly ExampleVector[] = [],
): Array<{ view: ChunkView; probs: Map<string, LabelProb> }> {
  return units.map((u) => {
    const language = detectLanguage(u.text);
    const lexicalOnly = model.lexical !== undefined && language !== "en" && language !== "und";
    // The lexical model reads no vector features: skip the semantic scores and the neighbour search.
    const raw = sdgRaw(parts, u.text, lexicalOnly ? undefined : u.vector, exemplars);
    const p = scoreSdgs(model, raw, sdgIds, lexicalOnly);
    const probs = new Map<string, LabelProb>();
    for (const l of parts.labels) probs.set(l.id, { p: p.get(l.id) ?? 0, signal: "lexical" });
    const hits: KeywordHit[] = parts.matcher.hits(u.text, tokenize(u.text)).filter((h) => isSdg(h.labelId));
    // An expert query that matched is stronger evidence than a single keyword.
    for (const h of raw.aurora)
      for (const s of h.spans)
        hits.push({ labelId: h.labelId, phrase: u.text.slice(s.start, s.end), start: s.start, end: s.end, weight: 3 });
    return { view: { id: u.id, page: u.page, text: u.text, offset: 0, hits }, probs };
  });
}
