import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Chunk, ChunkableDocument } from "../chunk/index.ts";
import type { ClassificationResult, Classifier } from "../classify/types.ts";
import { citeEvidencePages } from "../ingest/index.ts";

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
 * its chunk (`<file name>:<index>`) and the page it is on. Throws the stages' AppErrors.
 *
 * @example
 * const { result } = await classifyFile({ classifier, extract, chunk }, "report.pdf");
 * result.suggestions[0].evidence[0].page // 4
 */
export async function classifyFile(
  deps: ClassifyFileDeps,
  file: string,
): Promise<{ name: string; result: ClassificationResult }> {
  const name = basename(file);
  const doc = await deps.extract(new Uint8Array(await readFile(file)), name);
  const chunks = (await deps.chunk(doc)).map((c) => ({ ...c, id: `${name}:${c.index}` }));
  const result = await deps.classifier.classifyChunks(
    chunks.map((c) => ({ id: c.id, text: c.text, page: c.pageStart, start: c.charStart, language: c.language })),
    doc.language ? { language: doc.language } : {},
  );
  return { name, result: citeEvidencePages(result, chunks, doc.pageOffsets) };
}
