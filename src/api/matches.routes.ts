import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, IdParam, json } from "./internal/schemas.ts";

const Named = z.array(z.object({ id: z.string(), name: z.string() }));
const Passage = z.object({ text: z.string(), page: z.number().int().optional() });

export const MatchReportSchema = z
  .object({
    document: z.object({
      id: z.string(),
      title: z.string(),
      recordType: z.string(),
      role: z.enum(["need", "offer"]),
    }),
    counterpartTypes: z.array(z.string()),
    matches: z.array(
      z.object({
        document: z.object({
          id: z.string(),
          title: z.string(),
          recordType: z.string(),
          country: z.string().optional(),
          language: z.string(),
        }),
        score: z.number(),
        components: z.object({
          semantic: z.number(),
          targets: z.number(),
          subjects: z.number(),
          place: z.number(),
          language: z.number(),
        }),
        reason: z.object({
          sharedTargets: Named,
          sharedSubjects: Named,
          place: z.string(),
          sameLanguage: z.boolean(),
          passages: z.object({ own: Passage, theirs: Passage, similarity: z.number() }).optional(),
        }),
      }),
    ),
    scoring: z.string(),
  })
  .openapi("MatchReport");

export const matchesRoute = createRoute({
  method: "get",
  path: "/v1/matches",
  tags: ["matches"],
  summary: "Offers for a need (bbiRequest), or needs for an offer (bbiOpportunity, bbiProfile), with reasons",
  request: {
    query: z.object({
      documentId: IdParam.shape.id.openapi({ param: { name: "documentId", in: "query" } }),
      limit: z.coerce.number().int().min(1).max(50).default(10),
    }),
  },
  responses: { 200: json(MatchReportSchema, "Ranked counterparts"), ...errorResponses(400, 401, 404, 429) },
});
