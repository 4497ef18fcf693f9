import { createRoute } from "@hono/zod-openapi";
import { errorResponses, IdParam, json } from "./internal/schemas.ts";
import { JobSchema } from "./internal/views.ts";

export const getJobRoute = createRoute({
  method: "get",
  path: "/v1/jobs/{id}",
  tags: ["documents"],
  summary: "State of an ingest job (queued, running, done with documentId, failed with the error)",
  request: { params: IdParam },
  responses: { 200: json(JobSchema, "The job"), ...errorResponses(400, 401, 404, 429) },
});
