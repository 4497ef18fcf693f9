import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json } from "./internal/schemas.ts";

const DOMAINS = ["gbf-goals", "gbf-targets", "cbd-subjects", "aichi-targets", "sdgs"] as const;
const LString = z.record(z.string(), z.string());

export const TermSchema = z
  .object({
    identifier: z.string(),
    domain: z.enum(DOMAINS),
    name: z.string(),
    title: LString,
    shortTitle: LString,
    longDescription: LString,
    broaderTerms: z.array(z.string()),
    narrowerTerms: z.array(z.string()),
    relatedTerms: z.array(z.string()),
  })
  .openapi("Term");

export const listVocabRoute = createRoute({
  method: "get",
  path: "/v1/vocabularies",
  tags: ["vocabularies"],
  summary: "The vocabularies (domains) with their term counts",
  responses: {
    200: json(
      z.object({ domains: z.array(z.object({ domain: z.enum(DOMAINS), terms: z.number().int() })) }),
      "Domains",
    ),
    ...errorResponses(401, 429),
  },
});

export const getVocabRoute = createRoute({
  method: "get",
  path: "/v1/vocabularies/{domain}",
  tags: ["vocabularies"],
  summary: "Terms of a domain in the CBD thesaurus shape, or SKOS JSON-LD with ?format=skos",
  request: {
    params: z.object({ domain: z.enum(DOMAINS).openapi({ param: { name: "domain", in: "path" } }) }),
    query: z.object({ format: z.enum(["json", "skos"]).default("json") }),
  },
  responses: {
    200: {
      description: "Terms (CBD thesaurus API shape) or a SKOS concept scheme",
      content: {
        "application/json": { schema: z.array(TermSchema) },
        "application/ld+json": { schema: z.record(z.string(), z.unknown()) },
      },
    },
    ...errorResponses(400, 401, 429),
  },
});
