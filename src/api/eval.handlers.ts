import { AppError } from "../errors.ts";
import { readLatestChecks, readLatestEval } from "../eval/index.ts";
import { requireRead } from "./internal/auth.ts";
import { evalChecksRoute, latestEvalRoute } from "./eval.routes.ts";
import type { ApiApp, ApiDeps } from "./types.ts";

/** `GET /v1/eval/latest` and `/v1/eval/checks`: read from disk per request (the eval command rewrites them atomically). */
export function registerEval(app: ApiApp, deps: ApiDeps): void {
  app.openapi({ ...latestEvalRoute, middleware: [requireRead(deps.config.PUBLIC_READ)] }, async (c) => {
    const { space } = c.req.valid("query");
    const latest = await readLatestEval(deps.evalDir, space);
    if (!latest)
      throw new AppError(
        "not_found",
        space ? `No ${space} eval has run yet (run \`npm run eval\`)` : "No eval has run yet (run `npm run eval`)",
      );
    return c.json(latest.metrics as unknown as Record<string, unknown>, 200);
  });
  app.openapi({ ...evalChecksRoute, middleware: [requireRead(deps.config.PUBLIC_READ)] }, async (c) =>
    c.json({ checks: await readLatestChecks(deps.evalDir) }, 200),
  );
}
