import { createRoute, z } from "@hono/zod-openapi";
import { COUNTRY_RE, LANGUAGE_RE, RECORD_TYPE_RE } from "../search/index.ts";
import { FilterQuery, limitParam } from "./internal/query.ts";
import { BearerSecurity, errorResponses, IdParam, json } from "./internal/schemas.ts";
import { DocumentDetailSchema, DocumentSchema } from "./internal/views.ts";

export const UploadForm = z.object({
  file: z
    .instanceof(File)
    .openapi({ type: "string", format: "binary", description: "PDF, DOCX, HTML, text or Markdown" }),
  title: z.string().trim().min(1).max(500).optional(),
  country: z.string().regex(COUNTRY_RE, "lower-case ISO 3166-1 alpha-2").optional().openapi({ example: "fr" }),
  recordType: z.string().regex(RECORD_TYPE_RE).optional().openapi({ example: "nationalReport" }),
  language: z.string().regex(LANGUAGE_RE, "ISO 639-1").optional().openapi({ example: "en" }),
  sourceUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});

export const UploadAccepted = z
  .object({
    jobId: z.string(),
    documentId: z.string().nullable(),
    status: z.enum(["queued", "running", "done", "failed"]),
  })
  .openapi("UploadAccepted");

export const uploadRoute = createRoute({
  method: "post",
  path: "/v1/documents",
  tags: ["documents"],
  summary: "Upload a document; it is extracted, embedded and classified by the worker",
  security: BearerSecurity,
  request: { body: { required: true, content: { "multipart/form-data": { schema: UploadForm } } } },
  responses: {
    202: json(UploadAccepted, "Queued; follow GET /v1/jobs/{jobId}"),
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
});

export const listRoute = createRoute({
  method: "get",
  path: "/v1/documents",
  tags: ["documents"],
  summary: "List documents (newest first), filtered like search",
  request: {
    query: FilterQuery.extend({
      limit: limitParam(20, 100),
      offset: z.coerce.number().int().min(0).max(100_000).default(0),
    }),
  },
  responses: {
    200: json(
      z.object({ documents: z.array(DocumentSchema), nextOffset: z.number().int().nullable() }),
      "A page of documents",
    ),
    ...errorResponses(400, 401, 429),
  },
});

export const getRoute = createRoute({
  method: "get",
  path: "/v1/documents/{id}",
  tags: ["documents"],
  summary: "A document: metadata, tags, suggestions with evidence, feedback",
  request: {
    params: IdParam,
    query: z.object({
      format: z.enum(["json", "jsonld", "cbd"]).optional().openapi({
        description: "jsonld: schema.org JSON-LD (also `Accept: application/ld+json`); cbd: tags as CHM Term[] fields",
      }),
    }),
  },
  responses: {
    200: {
      description: "The document (JSON), its JSON-LD view, or its tags in CHM field format",
      content: {
        "application/json": { schema: DocumentDetailSchema },
        "application/ld+json": { schema: z.record(z.string(), z.unknown()) },
      },
    },
    ...errorResponses(400, 401, 404, 429),
  },
});

export const deleteRoute = createRoute({
  method: "delete",
  path: "/v1/documents/{id}",
  tags: ["documents"],
  summary: "Delete a document and its chunks (secretariat)",
  security: BearerSecurity,
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...errorResponses(400, 401, 403, 404, 429) },
});

export const TagActions = z
  .object({
    actions: z
      .array(z.object({ labelId: z.string().min(1).max(64), action: z.enum(["accept", "reject", "add"]) }))
      .min(1)
      .max(100),
  })
  .openapi("TagActions");

export const tagsRoute = createRoute({
  method: "post",
  path: "/v1/documents/{id}/tags",
  tags: ["documents"],
  summary: "Accept, reject or add labels; records feedback and updates the document's tags",
  security: BearerSecurity,
  request: { params: IdParam, body: { required: true, content: { "application/json": { schema: TagActions } } } },
  responses: {
    200: json(DocumentDetailSchema, "The updated document"),
    ...errorResponses(400, 401, 403, 404, 413, 415, 429),
  },
});
