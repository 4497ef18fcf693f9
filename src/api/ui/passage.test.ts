// The document page marks an evidence passage in text read by another extractor (pdf.js in the
// browser): line breaks, spacing and case differ from the stored passage.
import { describe, expect, it } from "vitest";
import { findPassage, piecesCovering } from "./passage.js";

describe("findPassage", () => {
  it("finds a passage across different spacing and line breaks", () => {
    const text = "Intro.\nCoral  reefs are\nprotected along the coast. End.";
    const hit = findPassage(text, "coral reefs are protected along the coast.");
    expect(hit).not.toBeNull();
    expect(text.slice(hit!.start, hit!.end)).toBe("Coral  reefs are\nprotected along the coast.");
  });

  it("falls back to the passage's beginning when its end was read differently", () => {
    const text = "Invasive rats were eradicated from three islands in 2021 and the seabirds came back to nest on them.";
    const passage =
      "Invasive rats were eradicated from three islands in 2021 and the seabirds came back to nest on them (see ﬁgure 3).";
    const hit = findPassage(text, passage);
    expect(hit?.start).toBe(0);
    expect(findPassage(text, "Wetlands were restored along the river banks.")).toBeNull();
  });
});

describe("piecesCovering", () => {
  it("returns the text items of a PDF page that hold the passage", () => {
    const items = ["Target 3", "", "Marine protected areas ", "now cover 11% of", " the sea.", "Other text"];
    expect(piecesCovering(items, "protected areas now cover 11% of the sea")).toEqual([2, 3, 4]);
    expect(piecesCovering(items, "nothing like this here")).toEqual([]);
  });
});
