import type { ChunkHit, ChunkRecord, DocumentRecord, TagSet } from "../types.ts";
import { checkClassification, classificationProblem } from "../classification.ts";
import { float32, nullable, num, numList, optStr, str, strList } from "./arrow-values.ts";

type Row = Record<string, unknown>;

/**
 * `createdAt` is compared as text by date filters, so it is stored in the one form
 * `Date#toISOString` gives (2024-05-01T10:00:00.000Z); unparseable values are kept as given.
 */
export function canonicalTime(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** Domain document → `documents` row. */
export function documentToRow(doc: DocumentRecord): Row {
  return {
    id: doc.id,
    contentHash: doc.contentHash,
    mediaType: doc.mediaType,
    language: doc.language,
    pageCount: doc.pageCount,
    chunkCount: doc.chunkCount,
    byteSize: doc.byteSize,
    needsOcrPages: [...doc.needsOcrPages],
    targets: [...doc.tags.targets],
    goals: [...doc.tags.goals],
    subjects: [...doc.tags.subjects],
    sdgs: [...doc.tags.sdgs],
    // Validated on the way in: an invalid classification never reaches the table.
    classificationJson: checkClassification(doc.id, doc.classificationJson),
    createdAt: canonicalTime(doc.createdAt),
    updatedAt: doc.updatedAt,
    title: nullable(doc.title),
    filename: nullable(doc.filename),
    country: nullable(doc.country),
    recordType: nullable(doc.recordType),
    sourceUrl: nullable(doc.sourceUrl),
    declaredLanguage: nullable(doc.declaredLanguage),
    submittedBy: nullable(doc.submittedBy),
    sourceJson: doc.source ? JSON.stringify(doc.source) : null,
    sourceTagsJson: doc.sourceTags ? JSON.stringify(doc.sourceTags) : null,
  };
}

/** `documents` row → domain document; optional fields absent rather than null. */
export function rowToDocument(row: Row): DocumentRecord {
  const doc: DocumentRecord = {
    id: str(row, "id"),
    contentHash: str(row, "contentHash"),
    mediaType: str(row, "mediaType"),
    language: str(row, "language"),
    pageCount: num(row, "pageCount"),
    chunkCount: num(row, "chunkCount"),
    byteSize: num(row, "byteSize"),
    needsOcrPages: numList(row, "needsOcrPages"),
    tags: rowToTags(row),
    classificationJson: readClassification(row),
    createdAt: str(row, "createdAt"),
    updatedAt: str(row, "updatedAt"),
  };
  for (const key of [
    "title",
    "filename",
    "country",
    "recordType",
    "sourceUrl",
    "declaredLanguage",
    "submittedBy",
  ] as const) {
    const v = optStr(row, key);
    if (v !== undefined) doc[key] = v;
  }
  const source = optJson(row, "sourceJson") as DocumentRecord["source"] | undefined;
  if (source) doc.source = source;
  const sourceTags = optJson(row, "sourceTagsJson") as Partial<TagSet> | undefined;
  if (sourceTags) doc.sourceTags = { targets: [], goals: [], subjects: [], sdgs: [], ...sourceTags };
  return doc;
}

/** A nullable JSON column (absent in tables written before it existed); bad JSON reads as absent. */
function optJson(row: Row, key: string): unknown {
  const text = optStr(row, key);
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A row's classification, validated on the way out: a corrupt one (written by an older version or
 * edited by hand) reads as unclassified with a process warning, so reads never crash and the
 * untagged-document backfill classifies the document again.
 */
function readClassification(row: Row): string {
  const json = str(row, "classificationJson");
  const problem = classificationProblem(json);
  if (!problem) return json;
  process.emitWarning(
    `Document ${str(row, "id")} has an invalid stored classification (${problem}); reading it as unclassified`,
    {
      code: "CHM_INVALID_CLASSIFICATION",
    },
  );
  return "";
}

function rowToTags(row: Row): TagSet {
  return {
    targets: strList(row, "targets"),
    goals: strList(row, "goals"),
    subjects: strList(row, "subjects"),
    sdgs: strList(row, "sdgs"),
  };
}

/** Domain chunk + its document → `chunks` row with the document's filter fields copied in. */
export function chunkToRow(chunk: ChunkRecord, doc: DocumentRecord): Row {
  return {
    id: chunk.id,
    documentId: chunk.documentId,
    contentHash: chunk.contentHash,
    index: chunk.index,
    text: chunk.text,
    pageStart: chunk.pageStart,
    pageEnd: chunk.pageEnd,
    charStart: chunk.charStart,
    charEnd: chunk.charEnd,
    language: chunk.language,
    vector: Array.from(chunk.vector),
    country: nullable(doc.country),
    recordType: nullable(doc.recordType),
    targets: [...doc.tags.targets],
    goals: [...doc.tags.goals],
    subjects: [...doc.tags.subjects],
    createdAt: canonicalTime(doc.createdAt),
  };
}

/** `chunks` row → domain chunk without its vector (search hits and listings share this). */
/** The fields a search hit is read with (chunk-search.ts HIT_COLUMNS). */
function hitFields(row: Row): Omit<ChunkHit, "score"> {
  return {
    id: str(row, "id"),
    documentId: str(row, "documentId"),
    contentHash: str(row, "contentHash"),
    index: num(row, "index"),
    text: str(row, "text"),
    pageStart: num(row, "pageStart"),
    pageEnd: num(row, "pageEnd"),
  };
}

export function rowToChunkFields(row: Row): Omit<ChunkRecord, "vector"> {
  return {
    ...hitFields(row),
    charStart: num(row, "charStart"),
    charEnd: num(row, "charEnd"),
    language: str(row, "language"),
  };
}

export function rowToChunk(row: Row): ChunkRecord {
  return { ...rowToChunkFields(row), vector: float32(row, "vector") };
}

export function rowToHit(row: Row, score: number, extra: Partial<ChunkHit> = {}): ChunkHit {
  return { ...hitFields(row), score, ...extra };
}
