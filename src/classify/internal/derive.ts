import type { Vocabulary } from "../../vocab/types.ts";

/** Score and threshold per label, before and after derivation. */
export type Scores = Map<string, number>;

/**
 * Maps a child's score onto its parent's scale: the child's threshold lands on the parent's, so a
 * suggested child always makes a suggested parent. Above it the slope is flat (a third of the
 * way to 1) and below it a fifth: an implied parent sits just over its own threshold instead of
 * shadowing the specific label (and the other candidates) in the ranking.
 */
function implied(score: number, childThr: number, parentThr: number): number {
  if (score >= childThr) return parentThr + ((score - childThr) * 0.3 * (1 - parentThr)) / Math.max(1e-9, 1 - childThr);
  return (0.2 * score * parentThr) / Math.max(1e-9, childThr);
}

/** Share of a label's threshold a crosswalk link can lift it to. */
const CROSSWALK_CEILING = 0.98;

export interface Derived {
  scores: Scores;
  thresholds: Record<string, number>;
  /** label id → the labels that implied its score (for evidence). */
  impliedBy: Map<string, string>;
}

/**
 * Makes the hierarchy consistent: a goal scores at least what its targets imply, a broader subject
 * at least what its narrower ones imply, and an SDG or subject linked to a GBF target by the
 * crosswalk gets a damped share of that target's score. Parent thresholds are lowered to their
 * children's where needed so that a suggested child always yields a suggested parent.
 */
export function deriveHierarchy(
  vocab: Vocabulary,
  scores: Scores,
  thresholds: Record<string, number>,
  crosswalkWeight = 0.6,
  /** Labels the crosswalk must not lift (e.g. SDGs that have a calibrated model of their own). */
  noCrosswalk?: (id: string) => boolean,
): Derived {
  const out = new Map(scores);
  const thr = { ...thresholds };
  const impliedBy = new Map<string, string>();
  const lift = (parent: string, child: string, value: number) => {
    if (value > (out.get(parent) ?? 0)) {
      out.set(parent, value);
      impliedBy.set(parent, impliedBy.get(child) ?? child);
    }
  };
  // Crosswalk first (damped, and held just under the label's threshold: a target links to up to a
  // dozen subjects, and a link alone ranks one for review but never suggests it), then the strict
  // hierarchies.
  for (const t of vocab.terms("gbf-targets")) {
    for (const rel of vocab.crosswalk(t.identifier)) {
      if (!out.has(rel) || noCrosswalk?.(rel)) continue;
      const ceiling = thr[rel] === undefined ? 1 : thr[rel]! * CROSSWALK_CEILING;
      lift(rel, t.identifier, Math.min(ceiling, crosswalkWeight * (out.get(t.identifier) ?? 0)));
    }
  }
  for (const domain of ["gbf-targets", "cbd-subjects"] as const) {
    // Deepest first, so a chain of broader terms carries the lift up.
    const terms = [...vocab.terms(domain)].sort(
      (a, b) => vocab.broaderOf(b.identifier).length - vocab.broaderOf(a.identifier).length,
    );
    const edges = terms.flatMap((t) =>
      t.broaderTerms
        .filter((p) => out.has(p) && thr[p] !== undefined && thr[t.identifier] !== undefined)
        .map((p) => [t.identifier, p] as const),
    );
    for (const [child, parent] of edges) thr[parent] = Math.min(thr[parent]!, thr[child]!);
    for (const [child, parent] of edges) {
      lift(parent, child, implied(out.get(child) ?? 0, thr[child]!, thr[parent]!));
    }
  }
  return { scores: out, thresholds: thr, impliedBy };
}

/** Ids whose decision must be `suggest` because a narrower label is suggested. */
export function forcedByChildren(vocab: Vocabulary, suggested: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const id of suggested) for (const b of vocab.broaderOf(id)) out.add(b);
  return out;
}
