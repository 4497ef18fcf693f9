import { createRoute, z } from "@hono/zod-openapi";
import { json } from "./internal/schemas.ts";

export const HealthSchema = z.object({ status: z.literal("ok") }).openapi("Health");

export const ReadySchema = z
  .object({
    status: z.enum(["ready", "not_ready"]),
    checks: z.object({
      store: z.object({ ok: z.boolean(), documents: z.number().int().optional(), error: z.string().optional() }),
      model: z.object({
        ok: z.boolean(),
        status: z.enum(["loading", "ready", "failed"]),
        classifierVersion: z.string().optional(),
        /** While `loading`: the training stage and texts embedded of the total (first start only). */
        progress: z
          .object({
            stage: z.enum(["preparing", "label descriptions", "examples", "SDG examples", "fitting", "saving"]),
            done: z.number().int(),
            total: z.number().int(),
          })
          .optional(),
      }),
      worker: z.object({ state: z.enum(["running", "stopped", "disabled", "unknown"]) }),
    }),
  })
  .openapi("Ready");

export const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["ops"],
  summary: "Liveness: the process answers",
  responses: { 200: json(HealthSchema, "Alive") },
});

export const readyRoute = createRoute({
  method: "get",
  path: "/ready",
  tags: ["ops"],
  summary: "Readiness: store reachable, classifier model loaded, worker state",
  responses: {
    200: json(ReadySchema, "Ready to serve"),
    503: json(ReadySchema, "A dependency is not ready"),
  },
});
