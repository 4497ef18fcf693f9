import { AppError } from "../errors.ts";
import { type SearchResponse, termLabel, toCsv } from "../search/index.ts";
import type { Vocabulary } from "../vocab/types.ts";
import { xml } from "./internal/xml.ts";

type Hit = SearchResponse["hits"][number];

/** CSV columns a caller may pick with `fields=` (in any order). */
const CSV_COLUMNS: Record<string, (hit: Hit, ctx: FormatContext) => string> = {
  documentId: (h) => h.documentId,
  title: (h) => h.title ?? h.filename ?? "",
  score: (h) => String(Number(h.score.toFixed(6))),
  url: (h, ctx) => documentUrl(ctx, h.documentId),
  country: (h) => h.country ?? "",
  language: (h) => h.language,
  recordType: (h) => h.recordType ?? "",
  createdAt: (h) => h.createdAt,
  targets: (h) => h.tags.targets.join(" "),
  goals: (h) => h.tags.goals.join(" "),
  subjects: (h) => h.tags.subjects.join(" "),
  sdgs: (h) => h.tags.sdgs.join(" "),
  snippet: (h) => h.passages[0]?.snippet.text ?? "",
  pages: (h) => [...new Set(h.passages.map((p) => p.pageStart))].join(" "),
};
export const CSV_FIELDS = Object.keys(CSV_COLUMNS);
const DEFAULT_CSV_FIELDS = ["documentId", "title", "score", "country", "recordType", "language", "targets", "url"];

export interface FormatContext {
  /** Scheme, host and port the caller used (links in the feed point back here). */
  origin: string;
  /** The request URL, for the feed's self link. */
  self: string;
  q?: string;
  vocab: Vocabulary;
}

const documentUrl = (ctx: FormatContext, id: string) => `${ctx.origin}/v1/documents/${encodeURIComponent(id)}`;

/** `fields=a,b` → the CSV columns; an unknown name is a 400 that lists the valid ones. */
export function csvFields(fields: string | undefined): string[] {
  if (!fields) return DEFAULT_CSV_FIELDS;
  const names = fields
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(n in CSV_COLUMNS));
  if (unknown.length || names.length === 0)
    throw new AppError("validation_failed", `Unknown CSV field(s): ${unknown.join(", ") || "(none given)"}`, {
      details: { unknown, allowed: CSV_FIELDS },
    });
  return names;
}

/**
 * One CSV row per hit (RFC 4180, header first). Cells that a spreadsheet would run as a formula
 * (starting with = + - @) are prefixed with `'`.
 */
export function searchCsv(res: SearchResponse, fields: string[], ctx: FormatContext): string {
  return toCsv([fields, ...res.hits.map((h) => fields.map((f) => CSV_COLUMNS[f]!(h, ctx)))]);
}

/**
 * An Atom feed (RFC 4287) of one search: an entry per hit with its snippet and its tags as
 * categories (CBD thesaurus ids), and a `next` link while more pages exist, so a feed reader
 * can follow a search.
 */
export function searchAtom(res: SearchResponse, ctx: FormatContext): string {
  const updated =
    res.hits
      .map((h) => h.createdAt)
      .sort()
      .at(-1) ?? new Date(0).toISOString();
  const title = ctx.q ? `chm-lens search: ${ctx.q}` : "chm-lens: latest documents";
  const next = res.nextCursor ? withParam(ctx.self, "cursor", res.nextCursor) : undefined;
  const entries = res.hits.map((h) => {
    const url = documentUrl(ctx, h.documentId);
    const tags = [...h.tags.targets, ...h.tags.goals, ...h.tags.subjects, ...h.tags.sdgs];
    const categories = tags.map(
      (t) =>
        `    <category term="${xml(t)}" scheme="https://api.cbd.int/api/v2013/thesaurus/terms" label="${xml(termLabel(ctx.vocab, t))}"/>`,
    );
    return [
      "  <entry>",
      `    <id>${xml(url)}</id>`,
      `    <title>${xml(h.title ?? h.filename ?? h.documentId)}</title>`,
      `    <updated>${xml(h.createdAt)}</updated>`,
      `    <link rel="alternate" type="application/json" href="${xml(url)}"/>`,
      `    <summary>${xml(h.passages[0]?.snippet.text ?? "")}</summary>`,
      ...categories,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">',
    `  <id>${xml(ctx.self)}</id>`,
    `  <title>${xml(title)}</title>`,
    `  <updated>${xml(updated)}</updated>`,
    "  <author><name>chm-lens</name></author>",
    `  <link rel="self" type="application/atom+xml" href="${xml(ctx.self)}"/>`,
    ...(next ? [`  <link rel="next" type="application/atom+xml" href="${xml(next)}"/>`] : []),
    `  <link rel="search" type="application/opensearchdescription+xml" href="${xml(ctx.origin)}/opensearch.xml"/>`,
    `  <opensearch:totalResults>${res.total}</opensearch:totalResults>`,
    ...(ctx.q ? [`  <opensearch:Query role="request" searchTerms="${xml(ctx.q)}"/>`] : []),
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

function withParam(url: string, key: string, value: string): string {
  const u = new URL(url);
  u.searchParams.set(key, value);
  return u.href;
}

/** The CSV or Atom body of a search, with its media type. */
export function formatSearch(
  format: "csv" | "atom",
  res: SearchResponse,
  ctx: FormatContext & { fields?: string },
): { body: string; type: string } {
  if (format === "csv") return { body: searchCsv(res, csvFields(ctx.fields), ctx), type: "text/csv; charset=utf-8" };
  return { body: searchAtom(res, ctx), type: "application/atom+xml; charset=utf-8" };
}
