/**
 * The top-level CBD subject groups. The labels file lists each group followed by its members (the
 * thesaurus API's own order); CBD-SUBJECT-BIOMES's official narrowerTerms confirm the rule.
 */
export const SUBJECT_GROUPS = [
  "CBD-SUBJECT-BIOMES",
  "CBD-SUBJECT-LEGAL-STRUCT",
  "CBD-SUBJECT-STRATEGY-PLAN",
  "CBD-SUBJECT-IMPL-MON-REPORT",
  "CBD-SUBJECT-PART-INIT-COOP",
  "CBD-SUBJECT-CROSS-CUTTING",
] as const;

/** Rebuilds broader/narrower from file order: each subject belongs to the last group seen. */
export function subjectHierarchy(orderedIds: string[]): Map<string, string | undefined> {
  const groups = new Set<string>(SUBJECT_GROUPS);
  const parent = new Map<string, string | undefined>();
  let current: string | undefined;
  for (const id of orderedIds) {
    if (groups.has(id)) {
      current = id;
      parent.set(id, undefined);
    } else {
      parent.set(id, current);
    }
  }
  return parent;
}
