import { createRoute, z } from "@hono/zod-openapi";
import { limitParam } from "./internal/query.ts";
import { BearerSecurity, errorResponses, json } from "./internal/schemas.ts";

export const MyDocumentsSchema = z
  .object({
    documents: z.array(
      z.object({
        documentId: z.string(),
        title: z.string().optional(),
        filename: z.string().optional(),
        country: z.string().optional(),
        recordType: z.string().optional(),
        submittedAt: z.string(),
        /** Suggestions waiting for a decision, labels accepted (or auto-accepted) and rejected. */
        review: z.object({ pending: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
      }),
    ),
    nextOffset: z.number().int().nullable(),
  })
  .openapi("MyDocuments");

export const mineRoute = createRoute({
  method: "get",
  path: "/v1/submissions/mine",
  tags: ["submissions"],
  summary: "The documents submitted with this key, newest first, with their review state",
  security: BearerSecurity,
  request: {
    query: z.object({
      limit: limitParam(20, 100),
      offset: z.coerce.number().int().min(0).max(100_000).default(0),
    }),
  },
  responses: { 200: json(MyDocumentsSchema, "A page of my documents"), ...errorResponses(400, 401, 403, 429) },
});

export const SubmitOptionsSchema = z
  .object({
    countries: z.array(z.object({ code: z.string(), name: z.string() })),
    recordTypes: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi("SubmitOptions");

export const optionsRoute = createRoute({
  method: "get",
  path: "/v1/submissions/options",
  tags: ["submissions"],
  summary: "What an upload may name: countries (ISO alpha-2 with names) and CHM record types",
  request: {
    query: z.object({
      language: z.enum(["en", "fr", "es", "ar", "ru", "zh"]).default("en"),
    }),
  },
  responses: {
    200: json(SubmitOptionsSchema, "Countries by name and CHM record types"),
    ...errorResponses(400, 401, 429),
  },
});
