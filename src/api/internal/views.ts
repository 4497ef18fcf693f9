import { z } from "@hono/zod-openapi";
import type { ClassificationResult } from "../../classify/types.ts";
import { classificationOf } from "../../store/index.ts";
import type { DocumentRecord, DocumentSummary, FeedbackRecord, JobRecord } from "../../store/types.ts";
import type { Vocabulary } from "../../vocab/types.ts";
import { termLabel } from "../../search/index.ts";
import { publicJobMessage } from "./job-message.ts";
import { SubmissionSchema, type SubmissionView } from "./submission-view.ts";

// API shapes are not store rows: every body is mapped here explicitly.

export const TagSetSchema = z
  .object({
    targets: z.array(z.string()),
    goals: z.array(z.string()),
    subjects: z.array(z.string()),
    sdgs: z.array(z.string()),
  })
  .openapi("TagSet");

export const EvidenceSchema = z.object({
  chunkId: z.string().optional(),
  page: z.number().int().optional(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  signal: z.enum(["semantic", "lexical", "example"]),
});

export const SuggestionSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    space: z.enum(["gbf", "subject", "sdg"]),
    score: z.number(),
    decision: z.enum(["suggest", "review", "none"]),
    evidence: z.array(EvidenceSchema),
  })
  .openapi("Suggestion");

export const ClassificationSchema = z
  .object({
    suggestions: z.array(SuggestionSchema),
    modelId: z.string(),
    classifierVersion: z.string(),
    thresholds: z.record(z.string(), z.number()),
  })
  .openapi("Classification");

export const FeedbackSchema = z
  .object({ labelId: z.string(), action: z.enum(["accept", "reject", "add"]), user: z.string(), createdAt: z.string() })
  .openapi("Feedback");

export const JobSchema = z
  .object({
    id: z.string(),
    state: z.enum(["queued", "running", "done", "failed"]),
    documentId: z.string().nullable(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    /** While running: the pipeline's last reported counts (saved with each lease renewal). */
    progress: z
      .object({
        stage: z.string(),
        pages: z.number().int(),
        chunks: z.number().int(),
        embedded: z.number().int(),
        at: z.string(),
      })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Job");

export const SourceSchema = z
  .object({
    system: z.enum(["chm", "bioland"]),
    recordId: z.string(),
    url: z.string(),
    updatedAt: z.string(),
  })
  .openapi("DocumentSource");

export const DocumentSchema = z
  .object({
    id: z.string(),
    status: z.literal("indexed"),
    title: z.string().optional(),
    filename: z.string().optional(),
    country: z.string().optional(),
    recordType: z.string().optional(),
    sourceUrl: z.string().optional(),
    language: z.string(),
    declaredLanguage: z.string().optional(),
    mediaType: z.string(),
    pageCount: z.number().int(),
    chunkCount: z.number().int(),
    byteSize: z.number().int(),
    needsOcrPages: z.array(z.number().int()),
    tags: TagSetSchema,
    /** Harvested records only: where the record lives and its own human tags (CBD term keys). */
    source: SourceSchema.optional(),
    sourceTags: TagSetSchema.optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Document");

export const DocumentDetailSchema = DocumentSchema.extend({
  suggestions: z.array(SuggestionSchema),
  classification: z
    .object({ modelId: z.string(), classifierVersion: z.string(), thresholds: z.record(z.string(), z.number()) })
    .nullable(),
  feedback: z.array(FeedbackSchema),
  /** Who submitted these bytes with which metadata: all for the secretariat, a submitter's own. */
  submissions: z.array(SubmissionSchema),
}).openapi("DocumentDetail");

export function jobView(job: JobRecord): z.infer<typeof JobSchema> {
  return {
    id: job.id,
    state: job.state,
    documentId: job.documentId ?? null,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    error: job.errorCode ? { code: job.errorCode, message: publicJobMessage(job.errorCode, job.errorMessage) } : null,
    progress: job.state === "running" && job.progress ? { ...job.progress } : null,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}

export function documentView(d: DocumentSummary): z.infer<typeof DocumentSchema> {
  return {
    id: d.id,
    status: "indexed",
    title: d.title,
    filename: d.filename,
    country: d.country,
    recordType: d.recordType,
    sourceUrl: d.sourceUrl,
    language: d.language,
    declaredLanguage: d.declaredLanguage,
    mediaType: d.mediaType,
    pageCount: d.pageCount,
    chunkCount: d.chunkCount,
    byteSize: d.byteSize,
    needsOcrPages: d.needsOcrPages,
    tags: d.tags,
    ...(d.source ? { source: d.source } : {}),
    ...(d.sourceTags ? { sourceTags: d.sourceTags } : {}),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

/** Suggestions with display labels (the classifier speaks ids only). */
export function classificationView(
  result: ClassificationResult,
  vocab: Vocabulary,
): z.infer<typeof ClassificationSchema> {
  return {
    suggestions: result.suggestions.map((s) => ({ ...s, label: termLabel(vocab, s.id) })),
    modelId: result.modelId,
    classifierVersion: result.classifierVersion,
    thresholds: result.thresholds,
  };
}

export function documentDetailView(
  d: DocumentRecord,
  feedback: FeedbackRecord[],
  vocab: Vocabulary,
  submissions: SubmissionView[] = [],
): z.infer<typeof DocumentDetailSchema> {
  const cls = classificationOf(d);
  const view = cls ? classificationView(cls, vocab) : undefined;
  return {
    ...documentView(d),
    suggestions: view?.suggestions ?? [],
    classification: view
      ? { modelId: view.modelId, classifierVersion: view.classifierVersion, thresholds: view.thresholds }
      : null,
    feedback: feedback.map((f) => ({ labelId: f.labelId, action: f.action, user: f.user, createdAt: f.createdAt })),
    submissions,
  };
}
