import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, IdParam, json } from "./internal/schemas.ts";

export const fileRoute = createRoute({
  method: "get",
  path: "/v1/documents/{id}/file",
  tags: ["documents"],
  summary: "The original file as it was uploaded or harvested (a download, never rendered in place)",
  request: { params: IdParam },
  responses: {
    200: {
      description: "The stored bytes, with their media type and a Content-Disposition filename",
      content: { "application/octet-stream": { schema: z.string().openapi({ type: "string", format: "binary" }) } },
    },
    ...errorResponses(400, 401, 404, 429),
  },
});

export const DocumentTextSchema = z
  .object({
    documentId: z.string(),
    mediaType: z.string(),
    pages: z.array(z.object({ page: z.number().int(), text: z.string() })),
  })
  .openapi("DocumentText");

export const textRoute = createRoute({
  method: "get",
  path: "/v1/documents/{id}/text",
  tags: ["documents"],
  summary: "The extracted text page by page (what the classifier read, and where evidence comes from)",
  request: { params: IdParam },
  responses: {
    200: json(DocumentTextSchema, "Text per page, in order"),
    ...errorResponses(400, 401, 404, 429),
  },
});
