import { createRoute, z } from "@hono/zod-openapi";
import { COUNTRY_RE } from "../search/index.ts";
import { FilterQuery } from "./internal/query.ts";
import { errorResponses, json } from "./internal/schemas.ts";

const Passage = z.object({ text: z.string(), page: z.number().int().optional(), chunkId: z.string().optional() });
const CellDocument = z.object({
  id: z.string(),
  title: z.string(),
  recordType: z.string().optional(),
  sourceUrl: z.string().optional(),
  score: z.number().optional().openapi({ description: "The classifier's score for the label, when it scored it" }),
  evidence: z.array(Passage),
});
const AxisItem = z.object({
  id: z.string(),
  name: z.string(),
  documents: z.number().int(),
  missing: z.array(z.string()).openapi({ description: "The other axis's ids with no document here: the gaps" }),
});

export const CoverageSchema = z
  .object({
    by: z.enum(["country", "target"]),
    tagSource: z.enum(["accepted", "suggested", "source"]),
    counts: z.string().openapi({ description: "What a count means, in words" }),
    rows: z.array(AxisItem),
    columns: z.array(AxisItem),
    cells: z.array(
      z.object({
        country: z.string().openapi({ description: "ISO 3166 alpha-2, or `none` for documents naming no country" }),
        label: z.string(),
        count: z.number().int(),
        documents: z.array(CellDocument),
      }),
    ),
    documentsInScope: z.number().int(),
    truncated: z.boolean(),
  })
  .openapi("Coverage");

const TagSource = z.enum(["accepted", "suggested", "source"]).default("suggested").openapi({
  description:
    "accepted: reviewers' accepted/added tags; suggested: the classifier's tags at or above threshold (after review); source: the CHM's own tags",
});

export const CoverageQuery = FilterQuery.pick({ target: true, country: true, type: true, from: true, to: true }).extend(
  {
    by: z.enum(["country", "target"]).default("country"),
    tagSource: TagSource,
    perCell: z.coerce.number().int().min(0).max(20).default(3),
    format: z.enum(["json", "csv"]).default("json"),
  },
);

export const coverageRoute = createRoute({
  method: "get",
  path: "/v1/coverage",
  tags: ["coverage"],
  summary: "Documents per (country, GBF target/goal) with evidence; zero cells are the gaps; format=csv for the matrix",
  request: { query: CoverageQuery },
  responses: {
    200: {
      description: "The coverage report (JSON) or the count matrix (CSV)",
      content: { "application/json": { schema: CoverageSchema }, "text/csv": { schema: z.string() } },
    },
    ...errorResponses(400, 401, 429),
  },
});

export const worldMapRoute = createRoute({
  method: "get",
  path: "/v1/coverage/map",
  tags: ["coverage"],
  summary: "Country outlines as SVG paths (Natural Earth 1:110m, Equal Earth projection), for the coverage map",
  responses: {
    200: json(
      z.object({
        width: z.number(),
        height: z.number(),
        shapes: z.array(z.object({ code: z.string(), name: z.string(), path: z.string() })),
      }),
      "Map shapes keyed by ISO 3166 alpha-2 (empty code: a territory without one)",
    ),
    ...errorResponses(401, 429),
  },
});

export const countrySummaryRoute = createRoute({
  method: "get",
  path: "/v1/coverage/countries/{country}/summary",
  tags: ["coverage"],
  summary: "One country's evidence per GBF target (passages, pages, links) and its gaps, as JSON, HTML or CSV",
  request: {
    params: z.object({
      country: z
        .string()
        .regex(COUNTRY_RE, "must be an ISO 3166 alpha-2 code in lower case")
        .openapi({ param: { name: "country", in: "path" }, example: "fr" }),
    }),
    query: z.object({
      tagSource: TagSource,
      perTarget: z.coerce.number().int().min(1).max(20).default(5),
      format: z.enum(["json", "html", "csv"]).default("json"),
    }),
  },
  responses: {
    200: {
      description: "The summary",
      content: {
        "application/json": { schema: z.record(z.string(), z.unknown()) },
        "text/html": { schema: z.string() },
        "text/csv": { schema: z.string() },
      },
    },
    ...errorResponses(400, 401, 429),
  },
});
