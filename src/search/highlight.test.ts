import { describe, expect, it } from "vitest";
import { findMatches, makeSnippet, queryTerms, termsPresent } from "./internal/highlight.ts";

describe("snippets", () => {
  it("marks query terms (and their word forms) after escaping the text", () => {
    const s = makeSnippet("Coral <b>reefs</b> & reef fish", ["reef", "coral"]);
    expect(s.html).toBe("<mark>Coral</mark> &#60;b&#62;<mark>reefs</mark>&#60;/b&#62; &#38; <mark>reef</mark> fish");
    expect(s.matches.map((m) => s.text.slice(m.start, m.end))).toEqual(["Coral", "reefs", "reef"]);
  });

  it("never lets document markup through, even inside a match window", () => {
    const s = makeSnippet('<script>alert("x")</script> mangrove', ["mangrove", "script"]);
    expect(s.html).not.toContain("<script>");
    expect(s.html).toContain("&#60;<mark>script</mark>&#62;");
  });

  it("cuts a long chunk to a window around the matches with ellipses and true offsets", () => {
    const text = `${"lorem ipsum ".repeat(60)}the seagrass meadows store carbon ${"dolor sit ".repeat(60)}`;
    const s = makeSnippet(text, ["seagrass"], 120);
    expect(s.text.startsWith("…")).toBe(true);
    expect(s.text.endsWith("…")).toBe(true);
    expect(s.text.length).toBeLessThan(130);
    const m = s.matches[0]!;
    expect(s.text.slice(m.start, m.end)).toBe("seagrass");
    expect(text.slice(s.chunkStart, s.chunkEnd)).toContain("seagrass meadows");
  });

  it("drops stop words and repeats from the query terms", () => {
    expect(queryTerms("The coral of the Coral reefs, 30x30")).toEqual(["coral", "reefs", "30x30"]);
  });

  it("finds the same terms with substring search as the highlighter marks", () => {
    const texts = [
      "Coral reefs and reef-fish; CORAL bleaching",
      "The seareef is not a reef word start",
      "Égalité des espèces: espèce protégée, 30x30 et Zones",
      "prereef coral",
      "",
    ];
    const terms = ["reef", "coral", "espèce", "zones", "30x30", "fish"];
    for (const text of texts) {
      expect([...termsPresent(text, terms)].sort()).toEqual(
        [...new Set(findMatches(text, terms).map((m) => m.term))].sort(),
      );
    }
  });

  it("finds what a Unicode word-start pattern finds, offsets included, and falls back to it when lower case changes length", () => {
    const pattern = (text: string, terms: string[]) =>
      [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])(${terms.join("|")})[\\p{L}\\p{N}]*`, "giu"))].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        term: m[1]!.toLowerCase(),
      }));
    const texts = [
      "Reefs, reef-fish and REEFS: coral reefscapes; prereef coral",
      "Espèces protégées : l'espèce, les ESPÈCES et 30x30 zones",
      "İstanbul reefs and coral İzmir",
      "Мангровые леса и мангровые рощи",
      "",
    ];
    const terms = ["reef", "reefs", "coral", "espèce", "30x30", "мангровые", "zones"];
    for (const text of texts) expect(findMatches(text, terms)).toEqual(pattern(text, terms));
  });
});
