import type { ClassificationResult } from "../../classify/types.ts";
import type { TagSet } from "../../store/types.ts";

export const EMPTY_TAGS: TagSet = { targets: [], goals: [], subjects: [], sdgs: [] };

/** Filterable tags from a classification: the labels it suggests outright (not "review"). */
export function tagsFromClassification(result: ClassificationResult): TagSet {
  const tags: TagSet = { targets: [], goals: [], subjects: [], sdgs: [] };
  for (const s of result.suggestions) {
    if (s.decision !== "suggest") continue;
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
