import { pageAt } from "../chunk/index.ts";
import type { ClassificationResult } from "../classify/types.ts";

/**
 * Gives each evidence passage the page its text starts on. The classifier only knows a chunk's
 * first page, and a chunk often begins with the end of the previous page (the splitter overlap, a
 * page footer), so a passage further in would otherwise cite the page before its own.
 * Evidence offsets are into the chunk text; `chunks` give each chunk's offset in the document.
 */
export function citeEvidencePages(
  result: ClassificationResult,
  chunks: Array<{ id: string; charStart: number }>,
  pageOffsets: number[],
): ClassificationResult {
  const startOf = new Map(chunks.map((c) => [c.id, c.charStart]));
  return {
    ...result,
    suggestions: result.suggestions.map((s) => ({
      ...s,
      evidence: s.evidence.map((e) => {
        const chunkStart = e.chunkId !== undefined ? startOf.get(e.chunkId) : undefined;
        return chunkStart === undefined ? e : { ...e, page: pageAt(pageOffsets, chunkStart + e.start) };
      }),
    })),
  };
}
