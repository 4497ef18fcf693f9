import { createRoute, z } from "@hono/zod-openapi";
import { EVAL_SPACES } from "../eval/index.ts";
import { errorResponses, json } from "./internal/schemas.ts";

export const EvalQuery = z.object({
  space: z
    .enum(EVAL_SPACES)
    .optional()
    .openapi({ description: "The latest eval of this label space; without it, the latest eval of any space" }),
});

export const latestEvalRoute = createRoute({
  method: "get",
  path: "/v1/eval/latest",
  tags: ["eval"],
  summary: "Metrics of the last eval run (metrics.json), optionally of one label space",
  request: { query: EvalQuery },
  responses: {
    200: json(z.record(z.string(), z.unknown()).openapi("EvalMetrics"), "metrics.json of the last run"),
    ...errorResponses(400, 401, 404, 429),
  },
});
