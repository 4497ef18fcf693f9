import { Field, FixedSizeList, Float32, Int32, List, Schema, Utf8 } from "apache-arrow";

/** Explicit Arrow schemas so empty tables can be created and list columns carry their item types. */
const str = (name: string, nullable = false) => new Field(name, new Utf8(), nullable);
const int = (name: string, nullable = false) => new Field(name, new Int32(), nullable);
const strList = (name: string) => new Field(name, new List(new Field("item", new Utf8(), true)), false);
const intList = (name: string) => new Field(name, new List(new Field("item", new Int32(), true)), false);

export const TABLES = {
  meta: "meta",
  documents: "documents",
  chunks: "chunks",
  jobs: "jobs",
  feedback: "feedback",
} as const;

export const metaSchema = new Schema([str("key"), str("value")]);

export const documentSchema = new Schema([
  str("id"),
  str("contentHash"),
  str("mediaType"),
  str("language"),
  int("pageCount"),
  int("chunkCount"),
  int("byteSize"),
  intList("needsOcrPages"),
  strList("targets"),
  strList("goals"),
  strList("subjects"),
  strList("sdgs"),
  str("classificationJson"),
  str("createdAt"),
  str("updatedAt"),
  str("title", true),
  str("filename", true),
  str("country", true),
  str("recordType", true),
  str("sourceUrl", true),
  str("declaredLanguage", true),
  str("submittedBy", true),
  // Harvested records: DocumentSource and the source's own TagSet, as JSON (null for uploads).
  str("sourceJson", true),
  str("sourceTagsJson", true),
]);

/** Every document column but the classification JSON (the one heavy column): lists and search. */
export const SUMMARY_COLUMNS = documentSchema.fields.map((f) => f.name).filter((n) => n !== "classificationJson");

/** Chunks carry the document fields used by filters, so a filtered search is one query. */
export function chunkSchema(dims: number): Schema {
  return new Schema([
    str("id"),
    str("documentId"),
    str("contentHash"),
    int("index"),
    str("text"),
    int("pageStart"),
    int("pageEnd"),
    int("charStart"),
    int("charEnd"),
    str("language"),
    new Field("vector", new FixedSizeList(dims, new Field("item", new Float32(), true)), false),
    str("country", true),
    str("recordType", true),
    strList("targets"),
    strList("goals"),
    strList("subjects"),
    str("createdAt"),
  ]);
}

export const jobSchema = new Schema([
  str("id"),
  str("state"),
  str("blobKey"),
  str("metaJson"),
  str("documentKey", true),
  str("documentId", true),
  int("attempts"),
  int("maxAttempts"),
  str("notBefore"),
  str("errorCode", true),
  str("errorMessage", true),
  str("createdAt"),
  str("updatedAt"),
  str("leaseUntil", true),
  str("leaseOwner", true),
  str("progressJson", true),
]);

export const feedbackSchema = new Schema([
  str("id"),
  str("documentId"),
  str("labelId"),
  str("action"),
  str("user"),
  str("modelId"),
  str("classifierVersion"),
  str("createdAt"),
]);
