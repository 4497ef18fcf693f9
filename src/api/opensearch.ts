import { requireRead } from "./internal/auth.ts";
import { xml } from "./internal/xml.ts";
import type { ApiApp, ApiDeps } from "./types.ts";

/**
 * An OpenSearch 1.1 description of `GET /v1/search`, so browsers and aggregators can add chm-lens
 * as a search engine (Atom, CSV and JSON results; `cursor` pages).
 */
export function openSearchDescription(origin: string): string {
  const template = (format: string) => xml(`${origin}/v1/search?q={searchTerms}&limit={count?}&format=${format}`);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    "  <ShortName>chm-lens</ShortName>",
    "  <Description>Search CBD Clearing-House documents by GBF target, subject and text</Description>",
    "  <Tags>CBD CHM biodiversity GBF</Tags>",
    `  <Url type="application/atom+xml" rel="results" template="${template("atom")}"/>`,
    `  <Url type="text/csv" rel="results" template="${template("csv")}"/>`,
    `  <Url type="application/json" rel="results" template="${template("json")}"/>`,
    `  <Url type="text/html" rel="results" template="${xml(`${origin}/#search?q={searchTerms}`)}"/>`,
    `  <Url type="application/opensearchdescription+xml" rel="self" template="${xml(`${origin}/opensearch.xml`)}"/>`,
    "  <InputEncoding>UTF-8</InputEncoding>",
    "  <OutputEncoding>UTF-8</OutputEncoding>",
    "</OpenSearchDescription>",
    "",
  ].join("\n");
}

/** `GET /opensearch.xml`. */
export function registerOpenSearch(app: ApiApp, deps: ApiDeps): void {
  app.get("/opensearch.xml", requireRead(deps.config.PUBLIC_READ), (c) =>
    c.body(openSearchDescription(new URL(c.req.url).origin), 200, {
      "content-type": "application/opensearchdescription+xml; charset=utf-8",
    }),
  );
}
