import { describe, expect, it } from "vitest";
import type { ClassificationResult } from "../classify/types.ts";
import { citeEvidencePages } from "./evidence-pages.ts";

describe("citeEvidencePages", () => {
  it("cites the page a passage starts on, not the first page of its chunk", () => {
    // Page 2 starts at 100; the chunk starts at 90, in page 1's footer.
    const chunkText = "1 / 2\n\nTarget 6: rats were eradicated.";
    const result: ClassificationResult = {
      suggestions: [
        {
          id: "GBF-TARGET-06",
          space: "gbf",
          score: 0.9,
          decision: "suggest",
          evidence: [
            { chunkId: "d:1", page: 1, start: 7, end: chunkText.length, text: chunkText.slice(7), signal: "lexical" },
            { chunkId: "d:1", page: 1, start: 0, end: 5, text: "1 / 2", signal: "lexical" },
            { page: 1, start: 0, end: 5, text: "no chunk", signal: "semantic" },
          ],
        },
      ],
      modelId: "m",
      classifierVersion: "v",
      thresholds: {},
    };
    const cited = citeEvidencePages(result, [{ id: "d:1", charStart: 93 }], [0, 100]);
    expect(cited.suggestions[0]!.evidence.map((e) => e.page)).toEqual([2, 1, 1]);
    expect(result.suggestions[0]!.evidence[0]!.page).toBe(1);
  });
});
