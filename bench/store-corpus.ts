/**
 * The text of the synthetic chunks in the search benchmark. Two corpora:
 *
 * - `abstracts` (default): chunks of 3–5 sentences drawn from the 16k sentences of the sdg-dev
 *   abstracts (26k distinct words), queries of 2–4 content words taken in order from one of those
 *   sentences. Word frequencies follow real prose, so posting lists are as long as real text makes
 *   them.
 * - `target-sentences` (the corpus of earlier runs, kept as a stress case): chunks recombine the
 *   ~150 GBF target sentences (under 2k distinct words), so every query word sits in a large share
 *   of all chunks and each keyword query reads posting lists far longer than prose would give.
 */
import { readFile } from "node:fs/promises";
import type { Vocabulary } from "../src/vocab/index.ts";
import { prng, SOURCES, syntheticText } from "./store-data.ts";

export type CorpusKind = "abstracts" | "target-sentences";
export const CORPORA: CorpusKind[] = ["abstracts", "target-sentences"];

export interface CorpusText {
  pick<T>(xs: T[]): T;
  chunk(): string;
  query(): string;
}

// Words a user would not type as a keyword query (and that every posting list would hold).
const STOP = new Set(
  "also been between both could does each from have here into more most much only other over same should some such than that their them then there these they this those through under upon very were what when where which while will with within would about after among because before being during further".split(
    " ",
  ),
);

async function abstractSentences(): Promise<string[]> {
  const out = new Set<string>();
  for (const file of SOURCES) {
    for (const line of (await readFile(file, "utf8")).split("\n")) {
      if (!line.trim()) continue;
      for (const s of String((JSON.parse(line) as { text: string }).text).split(/(?<=[.!?])\s+|\n+/)) {
        if (s.trim().length >= 40) out.add(s.trim());
      }
    }
  }
  return [...out];
}

export async function corpusText(kind: CorpusKind, vocab: Vocabulary, seed: number): Promise<CorpusText> {
  if (kind === "target-sentences") return syntheticText(vocab, seed);
  const sentences = await abstractSentences();
  const rand = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  return {
    pick,
    chunk: () => Array.from({ length: 3 + Math.floor(rand() * 3) }, () => pick(sentences)).join(" "),
    query: () => {
      for (;;) {
        const words = (
          pick(sentences)
            .toLowerCase()
            .match(/\p{L}{4,}/gu) ?? []
        ).filter((w) => !STOP.has(w));
        const want = 2 + Math.floor(rand() * 3);
        if (words.length < want) continue;
        // `want` words in sentence order, from a random start: words that occur together.
        const at = Math.floor(rand() * (words.length - want + 1));
        const span = words.slice(at, Math.min(words.length, at + want + 2));
        while (span.length > want) span.splice(Math.floor(rand() * span.length), 1);
        return span.join(" ");
      }
    },
  };
}
