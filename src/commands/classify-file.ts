import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Chunk, ChunkableDocument } from "../chunk/index.ts";
import type { ClassificationResult, Classifier } from "../classify/types.ts";

/** What `classify <file>` needs: the extract and chunk stages, injected so tests can pick them. */
export interface ClassifyFileDeps {
  classifier: Classifier;
  /** Bytes → text with page offsets (the extract stage). */
  extract: (bytes: Uint8Array, filename: string) => Promise<ChunkableDocument>;
  /** Text → chunks with pages and offsets (the chunk stage, sized for the embedder). */
  chunk: (doc: ChunkableDocument) => Promise<Chunk[]>;
}

/**
 * Extracts, chunks and classifies one file the way ingestion does, so each evidence passage names
 * its chunk (`<file name>:<index>`) and page. Throws the stages' AppErrors.
 *
 * @example
 * const { result } = await classifyFile({ classifier, extract, chunk }, "report.pdf");
 * result.suggestions[0].evidence[0].page // 4
 */
export async function classifyFile(deps: ClassifyFileDeps, file: string): Promise<{ name: string; result: ClassificationResult }> {
  const name = basename(file);
  const doc = await deps.extract(new Uint8Array(await readFile(file)), name);
  const chunks = await deps.chunk(doc);
  const ids = chunks.map((c) => `${name}:${c.index}`);
  const result = await deps.classifier.classifyChunks(
    chunks.map((c, i) => ({ id: ids[i], text: c.text, page: c.pageStart, start: c.charStart, language: c.language })),
    doc.language ? { language: doc.language } : {},
  );
  // A chunk may begin with the end of the previous page (overlap, a page footer): cite the page
  // the evidence passage itself starts on, not the chunk's first page.
  const startOf = new Map(chunks.map((c, i) => [ids[i], c.charStart]));
  for (const s of result.suggestions) {
    for (const e of s.evidence) {
      const chunkStart = e.chunkId !== undefined ? startOf.get(e.chunkId) : undefined;
      if (chunkStart !== undefined) e.page = pageAt(doc.pageOffsets, chunkStart + e.start);
    }
  }
  return { name, result };
}

/** 1-based page holding `offset`, given where each page starts. */
function pageAt(pageOffsets: number[], offset: number): number {
  let page = 1;
  while (page < pageOffsets.length && pageOffsets[page]! <= offset) page++;
  return page;
}
