import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json } from "./internal/schemas.ts";

export const latestEvalRoute = createRoute({
  method: "get",
  path: "/v1/eval/latest",
  tags: ["eval"],
  summary: "Metrics of the last eval run (metrics.json)",
  responses: {
    200: json(z.record(z.string(), z.unknown()).openapi("EvalMetrics"), "metrics.json of the last run"),
    ...errorResponses(401, 404, 429),
  },
});
