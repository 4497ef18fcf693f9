import { describe, expect, it } from "vitest";
import { fold, sentenceSpans, stem, terms, tokenize } from "./text.ts";
import { sampleSpans, segmentText } from "./segment.ts";

describe("text folding and stemming", () => {
  it("folds case and accents so French and Spanish spellings meet", () => {
    expect(fold("Espèces Exóticas")).toBe("especes exoticas");
  });

  it("brings inflected forms of one word to one stem", () => {
    expect(stem("protected")).toBe(stem("protection"));
    expect(terms("especies exóticas invasoras")).toEqual(terms("especie exótica invasora"));
    expect(terms("aires protégées")).toEqual(terms("aire protégée"));
    expect(terms("policies")).toEqual(terms("policy"));
    expect(terms("охраняемые территории")).toEqual(terms("охраняемых территорий").map((t) => t));
  });

  it("brings the cases of a Russian word to one stem, and li- + the article in Arabic to the noun", () => {
    // A suffix list made "biodiversity" two words: -ие and -ия were cut differently.
    expect(terms("биоразнообразие")).toEqual(terms("биоразнообразия"));
    expect(terms("устойчивость")).toEqual(terms("устойчивости"));
    expect(new Set(terms("вода воды водах водой")).size).toBe(1);
    // "for the diversity" and "the diversity".
    expect(terms("للتنوع")).toEqual(terms("التنوع"));
  });

  it("keeps offsets into the original text", () => {
    const text = "Les espèces exotiques envahissantes";
    const t = tokenize(text)[1]!;
    expect(text.slice(t.start, t.end)).toBe("espèces");
  });

  it("splits sentences with offsets and cuts endless runs", () => {
    const text = "First sentence. Second one!\nThird";
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "First sentence.",
      "Second one!",
      "Third",
    ]);
    expect(sentenceSpans("x".repeat(2000), 600).every((s) => s.end - s.start <= 600)).toBe(true);
  });
});

describe("segmentText", () => {
  it("packs sentences into chunks no longer than the limit, breaking at paragraphs", () => {
    const para = "Protected areas cover a third of the land. They are managed well by the communities living there.";
    const text = `${para}\n\n${para}\n\n${"Another long sentence about restoration. ".repeat(40)}`;
    const spans = segmentText(text, 300);
    expect(spans.every((s) => s.end - s.start <= 300)).toBe(true);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe(para);
  });

  it("cuts a 5 MB line without punctuation into bounded chunks and samples them", () => {
    const spans = segmentText("a".repeat(5_000_000), 1000);
    expect(spans.length).toBe(5000);
    expect(sampleSpans(spans, 200)).toHaveLength(200);
  });
});
