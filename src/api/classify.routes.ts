import { createRoute, z } from "@hono/zod-openapi";
import { BearerSecurity, errorResponses, json } from "./internal/schemas.ts";
import { ClassificationSchema } from "./internal/views.ts";

export const ClassifyText = z
  .object({
    text: z.string().trim().min(1).max(200_000),
  })
  .openapi("ClassifyText");

export const ClassifyFile = z.object({
  file: z.instanceof(File).openapi({ type: "string", format: "binary" }),
});

export const classifyRoute = createRoute({
  method: "post",
  path: "/v1/classify",
  tags: ["classify"],
  summary: "Suggest GBF targets, subjects and SDGs for a text or a file (nothing is stored)",
  security: BearerSecurity,
  request: {
    // Not `required`: with two media types each validator must run only for its own type.
    body: {
      content: {
        "application/json": { schema: ClassifyText },
        "multipart/form-data": { schema: ClassifyFile },
      },
    },
  },
  responses: {
    200: json(
      ClassificationSchema.extend({
        language: z
          .string()
          .optional()
          .openapi({ description: "The text's detected language (ISO 639-1); absent when undetermined" }),
      }),
      "Suggestions with evidence",
    ),
    ...errorResponses(400, 401, 403, 413, 415, 422, 429, 503),
  },
});
