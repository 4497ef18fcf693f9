import { createCountries } from "../geo/index.ts";
import { myDocuments } from "../review/index.ts";
import { loadRecordTypes } from "../vocab/index.ts";
import { requirePrincipal, requireRead, requireRole } from "./internal/auth.ts";
import { mineRoute, optionsRoute } from "./submissions.routes.ts";
import type { ApiApp, ApiDeps } from "./types.ts";

/** A submitter's own documents, and the lists the Submit form picks from. */
export function registerSubmissions(app: ApiApp, deps: Pick<ApiDeps, "store" | "config">): void {
  const { store, config } = deps;
  const countries = createCountries();
  const recordTypes = loadRecordTypes();

  app.openapi({ ...mineRoute, middleware: [requireRole("submitter")] }, async (c) => {
    const p = requirePrincipal(c.get("principal"));
    const { limit, offset } = c.req.valid("query");
    return c.json(await myDocuments(store, [p.fingerprint, ...(p.aliases ?? [])], { limit, offset }), 200);
  });

  app.openapi({ ...optionsRoute, middleware: [requireRead(config.PUBLIC_READ)] }, async (c) => {
    const { language } = c.req.valid("query");
    const list = countries
      .all()
      .map((k) => ({ code: k.code, name: k.names[language] }))
      .sort((a, b) => a.name.localeCompare(b.name, language));
    return c.json({ countries: list, recordTypes }, 200);
  });
}
