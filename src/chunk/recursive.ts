import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import { detectLanguage } from "../extract/index.ts";
import { locateSplits, pageAt } from "./internal/locate.ts";
import type { Chunk, ChunkOptions } from "./types.ts";

/** The part of an extracted document chunking needs. */
export interface ChunkableDocument {
  text: string;
  /** `pageOffsets[i]` is where page i+1 starts in `text`. */
  pageOffsets: number[];
  /** Document language, used when a chunk is too short to detect its own. */
  language?: string;
}

/**
 * Splits a document into overlapping chunks on paragraph, line, then word boundaries
 * (LangChain's RecursiveCharacterTextSplitter). Deterministic: the same text and options give the
 * same chunks. Every chunk keeps exact offsets (`text === doc.text.slice(charStart, charEnd)`),
 * the 1-based pages it spans and its own detected language.
 *
 * Async only because the LangChain splitter is; it does no I/O. The pure mapping is
 * {@link chunksFromSplits}.
 */
export async function chunkDocument(doc: ChunkableDocument, opts: ChunkOptions): Promise<Chunk[]> {
  if (doc.text.trim() === "") return [];
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: opts.size, chunkOverlap: opts.overlap });
  const splits = await splitter.splitText(doc.text);
  return chunksFromSplits(doc, splits, opts.overlap);
}

/**
 * Maps splitter output back onto the document: offsets, pages and per-chunk language.
 * `overlap` (the splitter's) bounds how far back a split may start; omit it to search from the
 * previous start only.
 */
export function chunksFromSplits(doc: ChunkableDocument, splits: string[], overlap?: number): Chunk[] {
  const fallback = doc.language ?? "und";
  const nonEmpty = splits.filter((s) => s.trim() !== "");
  return locateSplits(doc.text, nonEmpty, overlap).map(([charStart, charEnd], index) => {
    const text = doc.text.slice(charStart, charEnd);
    const detected = detectLanguage(text);
    return {
      index,
      text,
      charStart,
      charEnd,
      pageStart: pageAt(doc.pageOffsets, charStart),
      pageEnd: pageAt(doc.pageOffsets, charEnd - 1),
      language: detected && detected !== "und" ? detected : fallback,
    };
  });
}
