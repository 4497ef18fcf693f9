import { toSkosJsonLd } from "../vocab/index.ts";
import { requireRead } from "./internal/auth.ts";
import type { ApiApp, ApiDeps } from "./types.ts";
import { getVocabRoute, listVocabRoute } from "./vocab.routes.ts";

/** Vocabulary listing and export (the UI labels ids with these). */
export function registerVocab(app: ApiApp, deps: ApiDeps): void {
  const read = requireRead(deps.config.PUBLIC_READ);
  const { vocab } = deps;

  app.openapi({ ...listVocabRoute, middleware: [read] }, (c) =>
    c.json({ domains: vocab.domains().map((domain) => ({ domain, terms: vocab.terms(domain).length })) }, 200),
  );

  app.openapi({ ...getVocabRoute, middleware: [read] }, (c) => {
    const { domain } = c.req.valid("param");
    const { format } = c.req.valid("query");
    c.header("Cache-Control", "public, max-age=3600");
    if (format === "skos") {
      return c.json(toSkosJsonLd(vocab, domain), 200, { "Content-Type": "application/ld+json; charset=utf-8" });
    }
    return c.json(vocab.terms(domain), 200);
  });
}
