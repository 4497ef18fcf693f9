import { AppError } from "../errors.ts";
import type { TagSet } from "../store/types.ts";
import type { VocabDomain, Vocabulary } from "../vocab/types.ts";

export interface TagAction {
  labelId: string;
  action: "accept" | "reject" | "add";
}

const FIELD: Partial<Record<VocabDomain, keyof TagSet>> = {
  "gbf-targets": "targets",
  "gbf-goals": "goals",
  "cbd-subjects": "subjects",
  sdgs: "sdgs",
};

/**
 * New tags after review: accepted/added labels go in, rejected ones out. Goals follow the
 * targets (GBF grouping) plus any goal tagged directly; a rejected goal stays out.
 * Throws `unknown_label` (listing every bad id) before anything changes.
 */
export function applyTagActions(current: TagSet, actions: TagAction[], vocab: Vocabulary): TagSet {
  const unknown = actions.filter((a) => !FIELD[vocab.get(a.labelId)?.domain as VocabDomain]).map((a) => a.labelId);
  if (unknown.length > 0) {
    throw new AppError("unknown_label", `Unknown or untaggable label(s): ${unknown.join(", ")}`, {
      details: { labels: unknown },
    });
  }
  const derived = (targets: string[]) => new Set(targets.flatMap((t) => vocab.goalsOfTarget(t)));
  // Goals tagged on their own (not implied by a current target) are kept as they are.
  const implied = derived(current.targets);
  const sets = {
    targets: new Set(current.targets),
    goals: new Set(current.goals.filter((g) => !implied.has(g))),
    subjects: new Set(current.subjects),
    sdgs: new Set(current.sdgs),
  };
  const rejectedGoals = new Set<string>();
  for (const a of actions) {
    const field = FIELD[vocab.get(a.labelId)!.domain]!;
    if (a.action === "reject") {
      sets[field].delete(a.labelId);
      if (field === "goals") rejectedGoals.add(a.labelId);
    } else sets[field].add(a.labelId);
  }
  for (const g of derived([...sets.targets])) if (!rejectedGoals.has(g)) sets.goals.add(g);
  const sorted = (s: Set<string>) => [...s].sort();
  return {
    targets: sorted(sets.targets),
    goals: sorted(sets.goals),
    subjects: sorted(sets.subjects),
    sdgs: sorted(sets.sdgs),
  };
}

/**
 * Replays stored review actions (oldest first) over tags a classifier suggested, so a later
 * classification never undoes what a reviewer decided. Labels no longer in the vocabulary are skipped.
 */
export function replayFeedback(
  suggested: TagSet,
  feedback: Array<{ labelId: string; action: TagAction["action"]; createdAt: string }>,
  vocab: Vocabulary,
): TagSet {
  const known = feedback
    .filter((f) => FIELD[vocab.get(f.labelId)?.domain as VocabDomain])
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((f) => ({ labelId: f.labelId, action: f.action }));
  return applyTagActions(suggested, known, vocab);
}
