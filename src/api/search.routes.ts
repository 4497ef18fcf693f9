import { createRoute, z } from "@hono/zod-openapi";
import { MAX_QUERY_CHARS } from "../search/index.ts";
import { FilterQuery, limitParam } from "./internal/query.ts";
import { errorResponses, IdParam, json } from "./internal/schemas.ts";
import { TagSetSchema } from "./internal/views.ts";

const SnippetSchema = z.object({
  text: z.string(),
  html: z.string().openapi({ description: "HTML-escaped text with query terms in <mark>" }),
  matches: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
  chunkStart: z.number().int(),
  chunkEnd: z.number().int(),
});

export const SearchHitSchema = z
  .object({
    documentId: z.string(),
    title: z.string().optional(),
    filename: z.string().optional(),
    country: z.string().optional(),
    countryName: z.string().optional().openapi({ description: "English name of `country`" }),
    language: z.string(),
    recordType: z.string().optional(),
    recordTypeName: z.string().optional().openapi({ description: "Name of the CHM record type" }),
    createdAt: z.string(),
    score: z
      .number()
      .min(0)
      .max(1)
      .openapi({
        description:
          "Relevance 0–1, one scale in every mode (0 when browsing): meaning similarity on a calibrated scale, " +
          "with the query's words in hybrid and keyword modes; the component scores are in `why`",
      }),
    tags: TagSetSchema,
    passages: z.array(
      z.object({
        chunkId: z.string(),
        chunkIndex: z.number().int(),
        pageStart: z.number().int(),
        pageEnd: z.number().int(),
        score: z.number().min(0).max(1).openapi({ description: "The passage's relevance 0–1" }),
        snippet: SnippetSchema,
      }),
    ),
    why: z.object({
      terms: z.array(z.string()),
      semanticScore: z.number().optional().openapi({ description: "Best passage cosine similarity to the query" }),
      keywordScore: z.number().optional().openapi({ description: "Best passage BM25 score (keyword matches)" }),
      tags: TagSetSchema,
    }),
  })
  .openapi("SearchHit");

const FacetList = z.array(z.object({ id: z.string(), label: z.string(), count: z.number().int() }));

export const SearchResultSchema = z
  .object({
    hits: z.array(SearchHitSchema),
    facets: z.object({
      targets: FacetList,
      goals: FacetList,
      subjects: FacetList,
      countries: FacetList,
      languages: FacetList,
      types: FacetList,
    }),
    nextCursor: z.string().nullable(),
    total: z.number().int().openapi({ description: "Hits in the candidate set (see counts), not all matches" }),
    counts: z
      .object({
        scope: z.enum(["candidates", "all"]),
        candidates: z.number().int(),
      })
      .openapi({
        description:
          "What facets and total count. `candidates`: the documents among the query's best `candidates` chunks " +
          "(sized to the page asked for), not every match in the store. `all`: every matching document (browsing, " +
          "fewer than `candidates` of them).",
      }),
    floor: z.object({ minRelevance: z.number().nullable(), dropped: z.number().int() }).openapi({
      description:
        "Relevance floor of semantic and hybrid search (SEARCH_MIN_RELEVANCE_*): `dropped` candidate documents " +
        "whose best passage was below `minRelevance` (null: no floor, keyword mode or browsing)",
    }),
  })
  .openapi("SearchResult");

export const SearchQuery = FilterQuery.extend({
  q: z.string().max(MAX_QUERY_CHARS).optional().openapi({ example: "marine protected areas" }),
  mode: z.enum(["hybrid", "semantic", "keyword"]).default("hybrid"),
  group: z.enum(["document", "chunk"]).default("document"),
  limit: limitParam(10, 100),
  cursor: z.string().max(200).optional(),
  sort: z
    .enum(["relevance", "date"])
    .default("relevance")
    .openapi({ description: "relevance (best first) or date (newest first); browsing is newest first" }),
  fuzzy: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true")
    .openapi({ description: "keyword and hybrid modes tolerate typos (one edit in words of 4+ letters, two from 6)" }),
  format: z.enum(["json", "csv", "atom"]).default("json").openapi({
    description: "json; csv (one row per hit, columns from `fields`); atom (a feed that follows this search)",
  }),
  fields: z
    .string()
    .max(500)
    .optional()
    .openapi({ description: "CSV columns, comma-separated", example: "documentId,title,targets" }),
});

export const searchRoute = createRoute({
  method: "get",
  path: "/v1/search",
  tags: ["search"],
  summary: "Hybrid, semantic or keyword search with filters, facets, highlights; empty q browses",
  request: { query: SearchQuery },
  responses: {
    200: {
      description: "Results (JSON), or the same hits as CSV or an Atom feed with `format`",
      content: {
        "application/json": { schema: SearchResultSchema },
        "text/csv": { schema: z.string() },
        "application/atom+xml": { schema: z.string() },
      },
    },
    ...errorResponses(400, 401, 429),
  },
});

export const similarRoute = createRoute({
  method: "get",
  path: "/v1/documents/{id}/similar",
  tags: ["search"],
  summary: "Documents similar to one document",
  request: { params: IdParam, query: z.object({ limit: limitParam(10, 50) }) },
  responses: {
    200: json(z.object({ hits: z.array(SearchHitSchema) }), "Similar documents"),
    ...errorResponses(400, 401, 404, 429),
  },
});
