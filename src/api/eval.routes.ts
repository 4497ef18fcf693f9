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

const Rate = z.number().min(0).max(1);

export const CheckSummarySchema = z
  .object({
    name: z.string().openapi({ example: "gbf-titles" }),
    labelSpace: z.string().openapi({ example: "gbf-targets" }),
    dataset: z.string().openapi({ example: "gbf-title-check.jsonl" }),
    trainedOn: z.string().optional().openapi({ description: "Set when trained on this file instead of the dev sets" }),
    createdAt: z.string(),
    classifierVersion: z.string(),
    n: z.number().int(),
    precisionAt1: Rate,
    recallAt3: Rate,
    microF1: Rate.openapi({ description: "Micro-F1 with `suggest` as the decision" }),
    microPrecision: Rate,
    microRecall: Rate,
    balancedAccuracy: Rate.optional(),
    evidenceRate: Rate.optional().openapi({
      description: "Share of suggested gold labels whose first evidence passage is the sentence the check names",
    }),
    perLanguage: z.array(
      z.object({ language: z.string(), n: z.number().int(), precisionAt1: Rate, recallAt3: Rate, microF1: Rate }),
    ),
  })
  .openapi("EvalCheck");

export const evalChecksRoute = createRoute({
  method: "get",
  path: "/v1/eval/checks",
  tags: ["eval"],
  summary: "The held-out genre and language checks of the last full eval (`npm run eval`)",
  description:
    "Labelled sets the classifier is never trained on (report passages, short titles, multi-topic paragraphs, ar/ru/zh sentences, SDG abstracts, report paragraphs and translations, the subject check), one row each; empty before a full eval has run. Each check's full report is `/ui/eval-report?check=<name>`.",
  responses: {
    200: json(z.object({ checks: z.array(CheckSummarySchema) }).openapi("EvalChecks"), "One row per check"),
    ...errorResponses(401, 429),
  },
});
