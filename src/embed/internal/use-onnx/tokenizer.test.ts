import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EmbeddingsModel } from "@energetic-ai/embeddings";
import { describe, expect, it } from "vitest";
import { useModelDir } from "./convert.ts";
import { UseTokenizer, type UseVocabulary } from "./tokenizer.ts";

const vocabulary = JSON.parse(readFileSync(join(useModelDir(), "vocab.json"), "utf8")) as UseVocabulary;

/** Theirs, as `model.embed` uses it; the graph model is never touched by `tokenizer.encode`. */
const reference = new EmbeddingsModel({ vocabulary: vocabulary as Array<[string, number]>, model: null as never })
  .tokenizer;

// Corpus lines make the tokenizer meet real text; the original is O(n²) in characters, so a few.
const corpus = readFileSync("corpora/sdg-dev/oro-gold.jsonl", "utf8")
  .split("\n")
  .filter(Boolean)
  .slice(0, 12)
  .map((line) => (JSON.parse(line) as { text: string }).text.slice(0, 600));

const EDGE_CASES = [
  "",
  " ",
  "   ",
  "a",
  "Hello world.",
  "Biodiversity: URLs like https://www.cbd.int/gbf :) and :( faces", // pieces with a null score
  "ﬁ ligature, ① ② ③, ＦＵＬＬＷＩＤＴＨ, ½", // NFKC changes these
  "😀 emoji 👍🏽 and a family 👨‍👩‍👧 — astral pieces skew the UTF-16 backtrack",
  "中文文本 日本語のテキスト 한국어 텍스트",
  "Ελληνικά, кириллица, العربية, हिन्दी",
  "tab\tnew\nline\r\nend",
  "qqqqzzzz xkcdxkcd ǂǂǂ", // runs of unknown symbols collapse
  "123 4567 89.01 1e10 3,14159 -42 0x1F",
  "a\u0301 e\u0301 combining marks",
  "x".repeat(300),
  "\u0000\u0001 control",
];

describe("UseTokenizer", () => {
  it("gives the same ids as @energetic-ai/embeddings' tokenizer", () => {
    const tokenizer = new UseTokenizer(vocabulary);
    for (const text of [...EDGE_CASES, ...corpus]) {
      expect(tokenizer.encode(text), JSON.stringify(text.slice(0, 60))).toEqual(reference.encode(text));
    }
  });

  it("agrees on random mixes of ASCII, BMP and astral symbols", () => {
    const tokenizer = new UseTokenizer(vocabulary);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 150; n++) {
      let text = "";
      for (let i = Math.floor(random() * 40); i > 0; i--) {
        const r = random();
        if (r < 0.5) text += "the cat sat on a mat.,"[Math.floor(random() * 22)];
        else if (r < 0.8) text += String.fromCodePoint(0x20 + Math.floor(random() * 0x3000));
        else text += String.fromCodePoint(0x1f300 + Math.floor(random() * 0x300));
      }
      expect(tokenizer.encode(text), JSON.stringify(text)).toEqual(reference.encode(text));
    }
  });
});
