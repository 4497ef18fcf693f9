import type { TagSet } from "../store/types.ts";
import type { Vocabulary } from "../vocab/index.ts";

/**
 * The source's term keys → a TagSet on chm-lens's vocabularies. Keys are normalised the way CHM
 * sites write them (`GBF-TARGET-3` → `GBF-TARGET-03`, `SUSTAINABLE-DEVELOPMENT-GOAL-14` →
 * `SDG-GOAL-14`); a target implies its GBF goal (as the suggestions do). Keys outside the
 * vocabularies (Aichi targets, GUID terms) are left out and returned in `unknown`.
 */
export function toSourceTags(keys: string[], vocab: Vocabulary): { tags: TagSet; unknown: string[] } {
  const tags: TagSet = { targets: [], goals: [], subjects: [], sdgs: [] };
  const unknown: string[] = [];
  const add = (list: string[], id: string) => {
    if (!list.includes(id)) list.push(id);
  };
  for (const raw of keys) {
    const id = normaliseKey(raw);
    const domain = vocab.get(id)?.domain;
    if (domain === "gbf-targets") {
      add(tags.targets, id);
      for (const g of vocab.goalsOfTarget(id)) add(tags.goals, g);
    } else if (domain === "gbf-goals") add(tags.goals, id);
    else if (domain === "cbd-subjects") add(tags.subjects, id);
    else if (domain === "sdgs") add(tags.sdgs, id);
    else if (!unknown.includes(raw)) unknown.push(raw);
  }
  for (const list of Object.values(tags)) list.sort();
  return { tags, unknown };
}

/** True when the set holds no tag at all. */
export function isEmptyTagSet(tags: TagSet): boolean {
  return Object.values(tags).every((l) => l.length === 0);
}

function normaliseKey(raw: string): string {
  const key = raw.trim().toUpperCase();
  const numbered = /^(GBF-TARGET|SDG-GOAL|SUSTAINABLE-DEVELOPMENT-GOAL)-0*(\d+)$/.exec(key);
  if (numbered) {
    const prefix = numbered[1] === "GBF-TARGET" ? "GBF-TARGET" : "SDG-GOAL";
    return `${prefix}-${numbered[2]!.padStart(2, "0")}`;
  }
  return key;
}
