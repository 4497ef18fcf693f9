import { chunkDocument, chunkOptionsFor, type Chunk } from "../chunk/index.ts";
import type { Classifier } from "../classify/types.ts";
import type { Config } from "../config.ts";
import type { Embedder } from "../embed/types.ts";
import { extractDocument, extractOptionsFromConfig } from "../extract/index.ts";
import type { ExtractedDocument } from "../extract/types.ts";
import type { ChunkRecord, DocumentMeta, DocumentRecord, DocumentStore, TagSet } from "../store/types.ts";
import { citeEvidencePages } from "./evidence-pages.ts";
import { documentIdFor, sha256Hex } from "./internal/ids.ts";
import { EMPTY_TAGS, tagsFromClassification } from "./internal/tags.ts";

/** What the pipeline needs; `classifier` is optional (documents are stored untagged without it). */
export interface IngestDeps {
  store: DocumentStore;
  embedder: Embedder;
  classifier?: Classifier;
  config: Config;
}

export interface IngestInput {
  bytes: Uint8Array;
  meta: DocumentMeta;
  documentKey?: string;
}

/** Progress of one document, for progress bars: counts so far, not deltas. */
export interface IngestProgress {
  stage: "extracted" | "chunked" | "embedding" | "classified" | "stored";
  pages: number;
  chunks: number;
  embedded: number;
}

export interface IngestResult {
  documentId: string;
  contentHash: string;
  /** True when a ready document with the same bytes already existed and nothing was written. */
  skipped: boolean;
  pageCount: number;
  chunkCount: number;
}

export interface IngestOptions {
  onProgress?: (p: IngestProgress) => void;
  /** Aborting stops the pipeline before it writes anything. */
  signal?: AbortSignal;
}

/**
 * bytes → extract → chunk → embed → classify → store, as one atomic document replace.
 * Idempotent: the same bytes twice return the existing document without writing.
 * Throws AppError (e.g. `corrupt_file`, `too_large`) for bad input; nothing is stored then.
 */
export async function ingestBytes(
  deps: IngestDeps,
  input: IngestInput,
  opts: IngestOptions = {},
): Promise<IngestResult> {
  const { store, embedder, classifier, config } = deps;
  const { signal, onProgress } = opts;
  const contentHash = sha256Hex(input.bytes);
  const existing = await store.documents.findByHash(contentHash);
  if (existing) {
    return {
      documentId: existing.id,
      contentHash,
      skipped: true,
      pageCount: existing.pageCount,
      chunkCount: existing.chunkCount,
    };
  }
  const documentId = documentIdFor(contentHash, input.documentKey);

  const extracted = await extractDocument(input.bytes, {
    ...extractOptionsFromConfig(config),
    ...(input.meta.filename ? { filename: input.meta.filename } : {}),
  });
  signal?.throwIfAborted();
  const pages = extracted.pages.length;
  onProgress?.({ stage: "extracted", pages, chunks: 0, embedded: 0 });

  const chunks = await chunkDocument(extracted, chunkOptionsFor(embedder.maxChars, config));
  onProgress?.({ stage: "chunked", pages, chunks: chunks.length, embedded: 0 });

  const vectors: Float32Array[] = [];
  for (let i = 0; i < chunks.length; i += config.EMBED_BATCH_SIZE) {
    signal?.throwIfAborted();
    const batch = chunks.slice(i, i + config.EMBED_BATCH_SIZE).map((c) => c.text);
    vectors.push(...(await embedder.embed(batch, "passage")));
    onProgress?.({ stage: "embedding", pages, chunks: chunks.length, embedded: vectors.length });
  }

  const chunkRecords = chunks.map((c, i) => toChunkRecord(documentId, contentHash, c, vectors[i]!));
  const { tags, classificationJson } = await classify(classifier, chunkRecords, extracted);
  signal?.throwIfAborted();
  onProgress?.({ stage: "classified", pages, chunks: chunks.length, embedded: vectors.length });

  const previous = await store.documents.get(documentId);
  const now = new Date().toISOString();
  const doc = toDocumentRecord({ documentId, contentHash, input, extracted, tags, classificationJson, now });
  doc.chunkCount = chunkRecords.length;
  if (previous) doc.createdAt = previous.createdAt;
  signal?.throwIfAborted();
  await store.documents.put(doc, chunkRecords);
  onProgress?.({ stage: "stored", pages, chunks: chunks.length, embedded: vectors.length });
  return { documentId, contentHash, skipped: false, pageCount: pages, chunkCount: chunkRecords.length };
}

async function classify(
  classifier: Classifier | undefined,
  chunks: ChunkRecord[],
  extracted: Pick<ExtractedDocument, "language" | "pageOffsets">,
): Promise<{ tags: TagSet; classificationJson: string }> {
  if (!classifier || chunks.length === 0) return { tags: { ...EMPTY_TAGS }, classificationJson: "" };
  const classified = await classifier.classifyChunks(
    chunks.map((c) => ({
      id: c.id,
      text: c.text,
      page: c.pageStart,
      start: c.charStart,
      language: c.language,
      vector: c.vector,
    })),
    { language: extracted.language },
  );
  const result = citeEvidencePages(classified, chunks, extracted.pageOffsets);
  return { tags: tagsFromClassification(result), classificationJson: JSON.stringify(result) };
}

function toChunkRecord(documentId: string, contentHash: string, c: Chunk, vector: Float32Array): ChunkRecord {
  return { id: `${documentId}:${c.index}`, documentId, contentHash, ...c, vector };
}

function toDocumentRecord(a: {
  documentId: string;
  contentHash: string;
  input: IngestInput;
  extracted: ExtractedDocument;
  tags: TagSet;
  classificationJson: string;
  now: string;
}): DocumentRecord {
  const { meta } = a.input;
  const title = meta.title ?? a.extracted.title ?? meta.filename;
  return {
    ...meta,
    ...(title ? { title } : {}),
    id: a.documentId,
    contentHash: a.contentHash,
    mediaType: a.extracted.mediaType,
    language: a.extracted.language,
    pageCount: a.extracted.pages.length,
    chunkCount: 0,
    byteSize: a.input.bytes.byteLength,
    needsOcrPages: a.extracted.pages.filter((p) => p.source === "needs_ocr").map((p) => p.page),
    tags: a.tags,
    classificationJson: a.classificationJson,
    createdAt: a.now,
    updatedAt: a.now,
  };
}
