import type { Suggestion } from "../../classify/types.ts";
import type { TagSet } from "../../store/types.ts";

export const EMPTY_TAGS: TagSet = { targets: [], goals: [], subjects: [], sdgs: [] };

/** Per-label score at or above which a suggestion is published as a tag without review. */
export type AutoAcceptThresholds = Record<string, number>;

/**
 * Published tags from a classification: only the labels the Secretariat auto-accepts (a threshold
 * set for the label and a score at or above it). Every other suggestion stays a suggestion until a
 * reviewer accepts it, so search facets and filters never show an unreviewed label as a tag.
 */
export function tagsFromClassification(
  result: { suggestions: Pick<Suggestion, "id" | "space" | "score">[] },
  autoAccept: AutoAcceptThresholds = {},
): TagSet {
  const tags: TagSet = { targets: [], goals: [], subjects: [], sdgs: [] };
  for (const s of result.suggestions) {
    const threshold = autoAccept[s.id];
    if (threshold === undefined || s.score < threshold) continue;
    const bucket =
      s.space === "subject"
        ? tags.subjects
        : s.space === "sdg"
          ? tags.sdgs
          : /GOAL/i.test(s.id)
            ? tags.goals
            : tags.targets;
    if (!bucket.includes(s.id)) bucket.push(s.id);
  }
  return tags;
}
