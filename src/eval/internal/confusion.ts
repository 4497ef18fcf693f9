import type { Confusion } from "../types.ts";

/** One example's gold labels and its top-1 prediction (undefined when nothing was suggested). */
export interface TopOne {
  gold: string[];
  top?: string;
}

/**
 * Gold label → top-1 predicted label. A correct top-1 adds one count on the diagonal of that
 * label; a wrong one adds a count in each gold label's row, so a multi-label miss shows in
 * every row it affects. The last column counts examples with no prediction at all.
 */
export function confusionMatrix(items: TopOne[], spaceOrder: string[]): Confusion {
  const seen = new Set<string>();
  for (const it of items) {
    for (const g of it.gold) seen.add(g);
    if (it.top !== undefined) seen.add(it.top);
  }
  const labels = spaceOrder.filter((id) => seen.has(id));
  const index = new Map(labels.map((id, i) => [id, i]));
  const none = labels.length;
  const matrix = labels.map(() => new Array<number>(labels.length + 1).fill(0));
  for (const it of items) {
    const col = it.top === undefined ? none : index.get(it.top)!;
    if (it.top !== undefined && it.gold.includes(it.top)) {
      matrix[col]![col]! += 1;
      continue;
    }
    for (const g of it.gold) matrix[index.get(g)!]![col]! += 1;
  }
  return { labels, matrix };
}
