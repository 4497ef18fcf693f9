import type { Chunk } from "../chunk/index.ts";
import { readyClassifier } from "../classify/index.ts";
import type { Classifier, ClassifyInputChunk } from "../classify/types.ts";
import type { Config } from "../config.ts";
import type { Embedder } from "../embed/types.ts";
import { AppError, isAppError } from "../errors.ts";
import type { ExtractedDocument } from "../extract/types.ts";
import type { ChunkRecord, DocumentMeta, DocumentRecord, DocumentStore, TagSet } from "../store/types.ts";
import { citeEvidencePages } from "./evidence-pages.ts";
import { documentIdFor, sha256Hex } from "./internal/ids.ts";
import { type AutoAcceptThresholds, EMPTY_TAGS, tagsFromClassification } from "./internal/tags.ts";
import { loadAutoAccept } from "./auto-accept.ts";
import type { DocumentReader } from "./document-reader.ts";
import { prepareDocument, prepareOptionsFromConfig } from "./prepare-document.ts";

/** What the pipeline needs; `classifier` is optional (documents are stored untagged without it). */
export interface IngestDeps {
  store: DocumentStore;
  embedder: Embedder;
  classifier?: Classifier;
  config: Config;
  /** Reads and chunks in bounded worker threads; absent = on this event loop (unit tests). */
  reader?: DocumentReader;
}

export interface IngestInput {
  bytes: Uint8Array;
  meta: DocumentMeta;
  documentKey?: string;
}

/**
 * Progress of one document, for progress bars and the job record: counts so far, not deltas.
 * `extracting`: `pages` read so far (PDF); then the page and chunk totals; `embedding`: chunks embedded.
 */
export interface IngestProgress {
  stage: "extracting" | "extracted" | "chunked" | "embedding" | "classified" | "stored";
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
    // Same bytes, maybe another submitter: keep their submission (title, country …) too.
    await store.submissions.record(existing.id, input.meta, new Date().toISOString());
    return {
      documentId: existing.id,
      contentHash,
      skipped: true,
      pageCount: existing.pageCount,
      chunkCount: existing.chunkCount,
    };
  }
  const documentId = documentIdFor(contentHash, input.documentKey);

  // Reading, chunking, embedding and scoring are CPU work on the bytes: a failure there fails the
  // same way every time, so it is never retried (see `deterministic`). Store calls keep their errors.
  const prepared = await prepareDocument(
    deps.reader,
    input.bytes,
    prepareOptionsFromConfig(config, embedder.maxChars, input.meta.filename),
    {
      ...(signal ? { signal } : {}),
      onPage: (done) => onProgress?.({ stage: "extracting", pages: done, chunks: 0, embedded: 0 }),
    },
  ).catch(deterministic);
  const { extracted, chunks } = prepared;
  signal?.throwIfAborted();
  const pages = extracted.pages.length;
  onProgress?.({ stage: "extracted", pages, chunks: 0, embedded: 0 });
  onProgress?.({ stage: "chunked", pages, chunks: chunks.length, embedded: 0 });

  // One call for the whole document: the embedder spreads its batches over its threads, checks the
  // signal between batches and reports each one done.
  const vectors = await embedder
    .embed(
      chunks.map((c) => c.text),
      "passage",
      {
        ...(signal ? { signal } : {}),
        onProgress: (embedded) => onProgress?.({ stage: "embedding", pages, chunks: chunks.length, embedded }),
      },
    )
    .catch(deterministic);
  signal?.throwIfAborted();

  const chunkRecords = chunks.map((c, i) => toChunkRecord(documentId, contentHash, c, vectors[i]!));
  // Never wait for a classifier that is loading or failed: store untagged, `classifyUntagged` tags it later.
  const autoAccept = await loadAutoAccept(store);
  const { tags, classificationJson } = await classify(
    readyClassifier(classifier),
    chunkRecords,
    extracted,
    autoAccept,
  ).catch(deterministic);
  signal?.throwIfAborted();
  onProgress?.({ stage: "classified", pages, chunks: chunks.length, embedded: vectors.length });

  const previous = await store.documents.get(documentId);
  const now = new Date().toISOString();
  const doc = toDocumentRecord({ documentId, contentHash, input, extracted, tags, classificationJson, now });
  doc.chunkCount = chunkRecords.length;
  if (previous) doc.createdAt = previous.createdAt;
  signal?.throwIfAborted();
  await store.documents.put(doc, chunkRecords);
  await store.submissions.record(documentId, input.meta, now);
  onProgress?.({ stage: "stored", pages, chunks: chunks.length, embedded: vectors.length });
  return { documentId, contentHash, skipped: false, pageCount: pages, chunkCount: chunkRecords.length };
}

async function classify(
  classifier: Classifier | undefined,
  chunks: ChunkRecord[],
  extracted: Pick<ExtractedDocument, "pageOffsets">,
  autoAccept: AutoAcceptThresholds,
): Promise<{ tags: TagSet; classificationJson: string }> {
  if (!classifier || chunks.length === 0) return { tags: { ...EMPTY_TAGS }, classificationJson: "" };
  const classified = await classifier.classifyChunks(classifyInput(chunks));
  const result = citeEvidencePages(classified, chunks, extracted.pageOffsets);
  return { tags: tagsFromClassification(result, autoAccept), classificationJson: JSON.stringify(result) };
}

/** Stored chunks as the classifier reads them: their own vectors, so nothing is embedded twice. */
export function classifyInput(chunks: ChunkRecord[]): ClassifyInputChunk[] {
  return chunks.map((c) => ({
    id: c.id,
    text: c.text,
    page: c.pageStart,
    start: c.charStart,
    vector: c.vector,
  }));
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

/**
 * Rethrows a failure of the CPU stages as non-retryable: AppErrors keep their code, an I/O error
 * (errno, e.g. EMFILE) stays retryable, anything else (a stack overflow, a bug) is `internal` and
 * would fail the same way on every attempt.
 */
function deterministic(e: unknown): never {
  if (isAppError(e)) throw e;
  const code = (e as { code?: unknown; errno?: unknown } | null)?.code;
  if (typeof code === "string" && typeof (e as { errno?: unknown }).errno === "number") throw e;
  const message = e instanceof Error ? e.message : String(e);
  throw new AppError("internal", `Processing the document failed: ${message}`, { cause: e, transient: false });
}
