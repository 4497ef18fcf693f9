import { AppError } from "../errors.ts";
import { requireRead } from "./internal/auth.ts";
import { jobView } from "./internal/views.ts";
import { getJobRoute } from "./jobs.routes.ts";
import type { ApiApp, ApiDeps } from "./types.ts";

/** `GET /v1/jobs/{id}`: jobs live in the store, so any API replica can answer. */
export function registerJobs(app: ApiApp, deps: ApiDeps): void {
  app.openapi({ ...getJobRoute, middleware: [requireRead(deps.config.PUBLIC_READ)] }, async (c) => {
    const { id } = c.req.valid("param");
    const job = await deps.queue.get(id);
    if (!job) throw new AppError("not_found", `No job ${id}`);
    return c.json(jobView(job), 200);
  });
}
