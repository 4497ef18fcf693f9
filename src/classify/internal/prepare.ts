import type { Embedder } from "../../embed/types.ts";
import type { Vocabulary } from "../../vocab/types.ts";
import type { AuroraQuery } from "./aurora-load.ts";
import type { KeywordTable } from "./keywords.ts";
import { buildLabels } from "./labels.ts";
import { createKeywordMatcher } from "./lexical.ts";
import type { ScorerParts } from "./scorer.ts";
import { createDescriptionIndex } from "./tfidf.ts";

/** Embeds through a per-process memo: cross-validation folds share most of their texts. */
export function memoEmbed(embedder: Embedder): (texts: string[]) => Promise<Float32Array[]> {
  const memo = new Map<string, Float32Array>();
  return async (texts) => {
    const todo = [...new Set(texts.filter((t) => !memo.has(t)))];
    if (todo.length) {
      const vecs = await embedder.embed(todo, "passage");
      todo.forEach((t, i) => memo.set(t, vecs[i]!));
      // Bound the memo: documents can be large, the training texts are what repeat.
      if (memo.size > 20_000) for (const k of [...memo.keys()].slice(0, 5_000)) memo.delete(k);
    }
    return texts.map((t) => memo.get(t)!);
  };
}

/** The label-side parts of the scorer; `vectors` are the description embeddings (cached or fresh). */
export function buildParts(
  vocab: Vocabulary,
  keywords: KeywordTable,
  vectors: Record<string, Float32Array[]>,
  aurora: AuroraQuery[] = [],
  extra: ReadonlyMap<string, string[]> = new Map(),
): ScorerParts {
  const labels = buildLabels(vocab, keywords, extra);
  return {
    labels,
    labelVectors: labels.map((l) => ({ labelId: l.id, vectors: vectors[l.id] ?? [] })),
    matcher: createKeywordMatcher(keywords),
    index: createDescriptionIndex(labels.flatMap((l) => l.docs)),
    aurora,
  };
}

/** Embeds every label's descriptions. */
export async function embedLabelDescriptions(
  vocab: Vocabulary,
  keywords: KeywordTable,
  embed: (texts: string[]) => Promise<Float32Array[]>,
  extra: ReadonlyMap<string, string[]> = new Map(),
): Promise<Record<string, Float32Array[]>> {
  const labels = buildLabels(vocab, keywords, extra);
  const all = labels.flatMap((l) => l.descriptions);
  const vecs = await embed(all);
  const out: Record<string, Float32Array[]> = {};
  let i = 0;
  for (const l of labels) {
    out[l.id] = l.descriptions.map(() => vecs[i++]!);
  }
  return out;
}
