import { describe, expect, it } from "vitest";
import { chunkDocument } from "./recursive.ts";

/** Builds a document the way extract does: pages joined by "\n\n" with their start offsets. */
function docOf(pages: string[], language?: string) {
  const pageOffsets: number[] = [];
  let text = "";
  pages.forEach((p, i) => {
    if (i > 0) text += "\n\n";
    pageOffsets.push(text.length);
    text += p;
  });
  return { text, pageOffsets, ...(language ? { language } : {}) };
}

const sentence = (i: number) =>
  `Sentence ${i} describes how protected areas conserve wetlands, forests and coral reefs for people.`;
const page = (from: number, n: number) => Array.from({ length: n }, (_, i) => sentence(from + i)).join(" ");

describe("chunkDocument", () => {
  it("keeps exact character offsets for every chunk", async () => {
    const doc = docOf([page(0, 12), page(12, 12), page(24, 12)]);
    const chunks = await chunkDocument(doc, { size: 300, overlap: 40 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(doc.text.slice(c.charStart, c.charEnd)).toBe(c.text);
      expect(c.text.length).toBeLessThanOrEqual(300);
    }
    expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, i) => i));
  });

  it("maps chunks to the pages they span, including chunks that cross a page break", async () => {
    // Short pages so a chunk must straddle the "\n\n" between them.
    const doc = docOf(["Alpha page one text.", "Beta page two text.", "Gamma page three text."]);
    const chunks = await chunkDocument(doc, { size: 60, overlap: 0 });
    const first = chunks[0]!;
    expect(first.pageStart).toBe(1);
    expect(first.pageEnd).toBe(2);
    expect(first.text).toContain("Beta");
    const last = chunks.at(-1)!;
    expect(last.text).toContain("Gamma");
    expect(last.pageEnd).toBe(3);
  });

  it("gives a chunk wholly inside a later page that page number", async () => {
    const doc = docOf([page(0, 10), page(10, 10), page(20, 10)]);
    const chunks = await chunkDocument(doc, { size: 250, overlap: 30 });
    const third = doc.pageOffsets[2]!;
    for (const c of chunks) {
      const expectedStart = c.charStart >= third ? 3 : c.charStart >= doc.pageOffsets[1]! ? 2 : 1;
      expect(c.pageStart).toBe(expectedStart);
      expect(c.pageEnd).toBeGreaterThanOrEqual(c.pageStart);
    }
    expect(chunks.some((c) => c.pageStart === 3 && c.text.includes("Sentence 25"))).toBe(true);
  });

  it("overlaps consecutive chunks when overlap is set", async () => {
    const doc = docOf([page(0, 20)]);
    const chunks = await chunkDocument(doc, { size: 300, overlap: 100 });
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i]!.charStart).toBeLessThan(chunks[i - 1]!.charEnd);
      expect(chunks[i]!.charStart).toBeGreaterThan(chunks[i - 1]!.charStart);
    }
  });

  it("is deterministic", async () => {
    const doc = docOf([page(0, 15), page(15, 15)], "en");
    const a = await chunkDocument(doc, { size: 200, overlap: 24 });
    const b = await chunkDocument(doc, { size: 200, overlap: 24 });
    expect(b).toEqual(a);
  });

  it("returns no chunks for empty or blank text", async () => {
    expect(await chunkDocument({ text: "", pageOffsets: [0] }, { size: 100, overlap: 10 })).toEqual([]);
    expect(await chunkDocument({ text: " \n\n \t", pageOffsets: [0] }, { size: 100, overlap: 10 })).toEqual([]);
  });

  it("detects each chunk's language and falls back to the document's for short chunks", async () => {
    const fr =
      "La diversité biologique des zones humides est menacée par la pollution et le changement climatique. " +
      "Les pays doivent restaurer les écosystèmes dégradés et protéger les espèces menacées de disparition.";
    const en =
      "Biological diversity in wetlands is threatened by pollution and climate change. " +
      "Countries must restore degraded ecosystems and protect species threatened with extinction.";
    const chunks = await chunkDocument(docOf([en, fr], "es"), { size: 220, overlap: 0 });
    expect(chunks.map((c) => c.language)).toEqual(["en", "fr"]);
    const short = await chunkDocument(docOf(["Ok."], "es"), { size: 220, overlap: 0 });
    expect(short.map((c) => c.language)).toEqual(["es"]);
  });
});

describe("chunkDocument on repetitive text", () => {
  it("places repeated passages on their own pages, not on an earlier copy", async () => {
    const para = "Countries restore degraded wetlands and report progress every year.";
    const pages = Array.from({ length: 4 }, () => Array.from({ length: 6 }, () => para).join(" "));
    const doc = docOf(pages);
    const chunks = await chunkDocument(doc, { size: 150, overlap: 20 });
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i]!.charStart).toBeGreaterThanOrEqual(chunks[i - 1]!.charEnd - 20);
    }
    expect(chunks.at(-1)!.pageEnd).toBe(4);
    expect(new Set(chunks.map((c) => c.pageStart))).toEqual(new Set([1, 2, 3, 4]));
  });
});
