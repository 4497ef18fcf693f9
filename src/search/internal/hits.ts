import type { ChunkHit, DocumentSummary } from "../../store/types.ts";
import type { Passage, SearchHit } from "../types.ts";
import { makeSnippet, termsPresent } from "./highlight.ts";
import { countryName } from "./facets.ts";
import { recordTypeName } from "../../vocab/index.ts";
import { documentRelevance } from "./relevance.ts";

/** Passages shown per document hit. */
export const PASSAGES_PER_DOC = 3;

export interface DocGroup {
  doc: DocumentSummary;
  /** The document's candidate chunks, best first. */
  chunks: ChunkHit[];
  score: number;
}

/**
 * Groups chunk hits by document, best document first; orphans dropped. A document's score is its
 * best passage blended with its mean over all its chunks (relevance.ts, documentRelevance).
 */
export function groupByDocument(hits: ChunkHit[], docs: Map<string, DocumentSummary>): DocGroup[] {
  const groups = new Map<string, DocGroup>();
  for (const h of hits) {
    const doc = docs.get(h.documentId);
    if (!doc) continue;
    const g = groups.get(h.documentId);
    if (g) g.chunks.push(h);
    else groups.set(h.documentId, { doc, chunks: [h], score: h.score });
  }
  for (const g of groups.values()) {
    g.chunks.sort((a, b) => b.score - a.score);
    g.score = documentRelevance(g.chunks, g.doc.chunkCount);
  }
  return [...groups.values()].sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));
}

function passage(h: ChunkHit, terms: string[]): Passage {
  return {
    chunkId: h.id,
    chunkIndex: h.index,
    pageStart: h.pageStart,
    pageEnd: h.pageEnd,
    score: h.score,
    snippet: makeSnippet(h.text, terms),
  };
}

function maxOf(values: (number | undefined)[]): number | undefined {
  const nums = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  return nums.length > 0 ? Math.max(...nums) : undefined;
}

/** One result: the document, its best passages, and why it matched. */
export function toHit(
  doc: DocumentSummary,
  chunks: ChunkHit[],
  score: number,
  terms: string[],
  perDoc = PASSAGES_PER_DOC,
): SearchHit {
  const shown = chunks.slice(0, perDoc);
  const found = new Set(shown.flatMap((c) => [...termsPresent(c.text, terms)]));
  return {
    documentId: doc.id,
    title: doc.title,
    filename: doc.filename,
    country: doc.country,
    ...(doc.country ? { countryName: countryName(doc.country) } : {}),
    language: doc.language,
    recordType: doc.recordType,
    ...(doc.recordType ? { recordTypeName: recordTypeName(doc.recordType) } : {}),
    createdAt: doc.createdAt,
    score,
    tags: doc.tags,
    passages: shown.map((c) => passage(c, terms)),
    why: {
      terms: terms.filter((t) => found.has(t)),
      semanticScore: maxOf(chunks.map((c) => c.semanticScore)),
      keywordScore: maxOf(chunks.map((c) => c.keywordScore)),
      tags: doc.tags,
    },
  };
}
