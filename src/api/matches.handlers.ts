import { requireRead } from "./internal/auth.ts";
import { matchesRoute } from "./matches.routes.ts";
import type { Insights } from "../coverage/index.ts";
import type { ApiApp, ApiDeps } from "./types.ts";

/** `GET /v1/matches`: needs matched with offers over the match service. */
export function registerMatches(app: ApiApp, deps: ApiDeps & Insights): void {
  const read = requireRead(deps.config.PUBLIC_READ);
  app.openapi({ ...matchesRoute, middleware: [read] }, async (c) => {
    const { documentId, limit } = c.req.valid("query");
    return c.json(await deps.matches.matches(documentId, { limit }), 200);
  });
}
