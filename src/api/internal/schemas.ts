import { z } from "@hono/zod-openapi";

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "not_found" }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi("Error");

const DESCRIPTIONS: Record<number, string> = {
  400: "Invalid request (validation_failed, bad_request, empty_file, unknown_label)",
  401: "Missing or invalid API key",
  403: "The key's role may not do this",
  404: "Not found",
  413: "Body or upload too large",
  415: "Unsupported media type",
  422: "The file could not be read",
  429: "Rate limit exceeded (see Retry-After)",
  503: "A dependency (model, store) is unavailable",
};

/** Declares the given error responses (all in the envelope) for a `createRoute`. */
export function errorResponses<S extends number>(...statuses: S[]) {
  const out = {} as Record<S, { description: string; content: { "application/json": { schema: typeof ErrorSchema } } }>;
  for (const s of statuses) {
    out[s] = { description: DESCRIPTIONS[s] ?? "Error", content: { "application/json": { schema: ErrorSchema } } };
  }
  return out;
}

/** Shorthand for `{ content: { "application/json": { schema } }, description }`. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description };
}

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_.:-]+$/, "ids hold letters, digits and _ . : -")
    .openapi({ param: { name: "id", in: "path" }, example: "doc_01" }),
});

export const BearerSecurity = [{ Bearer: [] }];
