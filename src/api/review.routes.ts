import { createRoute, z } from "@hono/zod-openapi";
import { COUNTRY_RE } from "../search/index.ts";
import { limitParam, listParam } from "./internal/query.ts";
import { BearerSecurity, errorResponses, json } from "./internal/schemas.ts";
import { EvidenceSchema } from "./internal/views.ts";

const LABEL_RE = /^[A-Za-z0-9_.:-]{1,64}$/;
const DOC_ID = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, "ids hold letters, digits and _ . : -");
const score = z.coerce.number().min(0).max(1).optional();
const cursor = z.string().max(512).optional().openapi({ description: "nextCursor of the previous page" });

const PendingSchema = z.object({
  labelId: z.string(),
  label: z.string(),
  space: z.enum(["gbf", "subject", "sdg"]),
  score: z.number(),
  decision: z.enum(["suggest", "review"]),
  /** The best passage behind the suggestion (page and text). */
  evidence: z.array(EvidenceSchema),
});

export const QueueSchema = z
  .object({
    items: z.array(
      z.object({
        documentId: z.string(),
        title: z.string().optional(),
        country: z.string().optional(),
        recordType: z.string().optional(),
        createdAt: z.string(),
        pending: z.array(PendingSchema),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi("ReviewQueue");

export const queueRoute = createRoute({
  method: "get",
  path: "/v1/review/queue",
  tags: ["review"],
  summary: "Documents with suggestions nobody has decided on, newest first (secretariat)",
  security: BearerSecurity,
  request: {
    query: z.object({
      country: listParam(COUNTRY_RE, "fr"),
      label: listParam(LABEL_RE, "GBF-TARGET-03"),
      minScore: score.openapi({ example: 0.5 }),
      maxScore: score.openapi({ example: 1 }),
      limit: limitParam(20, 100),
      cursor,
    }),
  },
  responses: { 200: json(QueueSchema, "A page of the queue"), ...errorResponses(400, 401, 403, 429) },
});

const BulkItem = z.object({
  documentId: DOC_ID,
  labelId: z.string().min(1).max(64),
  decision: z.enum(["accept", "reject"]),
});

export const BulkResultSchema = z
  .object({
    results: z.array(
      BulkItem.extend({
        ok: z.boolean(),
        /** False when the same decision was already this reviewer's latest (nothing new stored). */
        recorded: z.boolean().optional(),
        error: z.object({ code: z.string(), message: z.string() }).optional(),
      }),
    ),
    applied: z.number().int(),
    failed: z.number().int(),
  })
  .openapi("BulkReviewResult");

export const bulkRoute = createRoute({
  method: "post",
  path: "/v1/review/bulk",
  tags: ["review"],
  summary: "Accept or reject many (document, label) pairs (secretariat); good items apply even when others fail",
  description:
    "200 when every item was applied. When some fail (unknown label, missing document) the others are still applied " +
    "and the answer is 400 validation_failed whose details hold the same per-item results.",
  security: BearerSecurity,
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: z.object({ items: z.array(BulkItem).min(1).max(500) }) } },
    },
  },
  responses: {
    200: json(BulkResultSchema, "Every item applied"),
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
});

export const StatsSchema = z
  .object({
    labels: z.array(
      z.object({
        labelId: z.string(),
        label: z.string(),
        accepted: z.number().int(),
        rejected: z.number().int(),
        added: z.number().int(),
        acceptRate: z.number().nullable(),
      }),
    ),
    decisions: z.number().int(),
  })
  .openapi("ReviewStats");

export const statsRoute = createRoute({
  method: "get",
  path: "/v1/review/stats",
  tags: ["review"],
  summary: "Accept / reject counts and rate per label, weakest first (secretariat)",
  security: BearerSecurity,
  responses: { 200: json(StatsSchema, "Per-label review figures"), ...errorResponses(401, 403, 429) },
});

export const HistorySchema = z
  .object({
    entries: z.array(
      z.object({
        id: z.string(),
        documentId: z.string(),
        title: z.string().optional(),
        labelId: z.string(),
        label: z.string(),
        action: z.enum(["accept", "reject", "add"]),
        /** `role:name` of the key (or its keyed hash), never the key. */
        user: z.string(),
        createdAt: z.string(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi("ReviewHistory");

export const historyRoute = createRoute({
  method: "get",
  path: "/v1/review/history",
  tags: ["review"],
  summary: "Who reviewed what and when, newest first, for one document or all (secretariat)",
  security: BearerSecurity,
  request: {
    query: z.object({
      documentId: DOC_ID.optional(),
      user: z.string().max(200).optional().openapi({ example: "secretariat:alice" }),
      limit: limitParam(50, 200),
      cursor,
    }),
  },
  responses: { 200: json(HistorySchema, "A page of review decisions"), ...errorResponses(400, 401, 403, 429) },
});

export const AutoAcceptSchema = z
  .object({
    thresholds: z
      .record(z.string().regex(LABEL_RE), z.number().min(0).max(1))
      .openapi({ example: { "CBD-SUBJECT-BIOMES": 0.9 } }),
  })
  .openapi("AutoAccept");

export const getAutoAcceptRoute = createRoute({
  method: "get",
  path: "/v1/review/auto-accept",
  tags: ["review"],
  summary: "Per-label scores at or above which suggestions are published as tags without review (secretariat)",
  security: BearerSecurity,
  responses: {
    200: json(AutoAcceptSchema, "The thresholds (empty: nothing is auto-accepted)"),
    ...errorResponses(401, 403, 429),
  },
});

export const putAutoAcceptRoute = createRoute({
  method: "put",
  path: "/v1/review/auto-accept",
  tags: ["review"],
  summary: "Replace the auto-accept thresholds and re-apply them to every stored document (secretariat)",
  security: BearerSecurity,
  request: { body: { required: true, content: { "application/json": { schema: AutoAcceptSchema } } } },
  responses: {
    200: json(AutoAcceptSchema.extend({ updated: z.number().int() }), "Saved; `updated` documents' tags changed"),
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
});
