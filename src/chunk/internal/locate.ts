import { AppError } from "../../errors.ts";

/**
 * Finds each split in `text`, in order. Splits come from a splitter that walks the text forward and
 * repeats at most `overlap` characters of the previous split, so each one starts after the previous
 * start and no earlier than `overlap` before the previous end. The lower bound matters for
 * repetitive text, where an earlier copy of the same words would otherwise match.
 * Returns [start, end) pairs with text.slice(start, end) === split.
 */
export function locateSplits(text: string, splits: string[], overlap = Infinity): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (const split of splits) {
    const start = text.indexOf(split, from);
    if (start < 0) {
      // The splitter only trims and concatenates original pieces, so this means a bug, not bad input.
      throw new AppError("internal", "Chunk text could not be located in the document text", {
        details: { from, preview: split.slice(0, 80) },
      });
    }
    spans.push([start, start + split.length]);
    from = Math.max(start + 1, start + split.length - overlap);
  }
  return spans;
}

/** 1-based page holding character `pos`: the last page whose offset is at or before it. */
export function pageAt(pageOffsets: number[], pos: number): number {
  if (pageOffsets.length === 0) return 1;
  let lo = 0;
  let hi = pageOffsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pageOffsets[mid] ?? 0) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
