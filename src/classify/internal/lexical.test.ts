import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadVocabulary } from "../../vocab/index.ts";
import { loadKeywords, type KeywordTable } from "./keywords.ts";
import { createKeywordMatcher } from "./lexical.ts";

const table: KeywordTable = new Map([
  [
    "GBF-TARGET-06",
    [
      { lang: "en", phrase: "invasive alien species" },
      { lang: "fr", phrase: "espèces exotiques envahissantes" },
      { lang: "zh", phrase: "外来入侵物种" },
    ],
  ],
  [
    "GBF-TARGET-03",
    [
      { lang: "en", phrase: "protected areas" },
      { lang: "es", phrase: "áreas protegidas" },
      { lang: "en", phrase: "data" },
    ],
  ],
  ["GBF-TARGET-21", [{ lang: "en", phrase: "data" }]],
]);

describe("keyword matcher", () => {
  const m = createKeywordMatcher(table);

  it("matches across case, accents and plural/singular, with offsets into the text", () => {
    const text = "Le plan vise l'éradication des Espèce Exotique Envahissante sur les îles.";
    const hits = m.hits(text);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.labelId).toBe("GBF-TARGET-06");
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe("Espèce Exotique Envahissante");
    expect(m.hits("Las nuevas área protegida del país")[0]?.labelId).toBe("GBF-TARGET-03");
  });

  it("finds Chinese phrases without spaces", () => {
    const hits = m.hits("我国加强了外来入侵物种的防控。");
    expect(hits.map((h) => h.labelId)).toEqual(["GBF-TARGET-06"]);
  });

  it("weighs a shared single word below a specific phrase", () => {
    const s = m.scores(m.hits("protected areas and data"));
    expect(s.get("GBF-TARGET-03")!).toBeGreaterThan(s.get("GBF-TARGET-21")!);
    expect(m.scores(m.hits("nothing relevant here")).size).toBe(0);
  });
});

describe("loadKeywords", () => {
  it("loads the curated files and rejects an id the vocabulary does not know", async () => {
    const vocab = await loadVocabulary();
    const real = await loadKeywords(join(import.meta.dirname, "../../../corpora/keywords"), vocab);
    for (let n = 1; n <= 23; n++) {
      const langs = new Set(real.get(`GBF-TARGET-${String(n).padStart(2, "0")}`)!.map((k) => k.lang));
      expect([...langs].sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
    }
    const dir = await mkdtemp(join(tmpdir(), "kw-"));
    try {
      await writeFile(join(dir, "bad.json"), JSON.stringify({ "GBF-TARGET-99": { en: ["x"] } }));
      await expect(loadKeywords(dir, vocab)).rejects.toMatchObject({
        code: "unknown_label",
        message: expect.stringContaining("GBF-TARGET-99"),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
