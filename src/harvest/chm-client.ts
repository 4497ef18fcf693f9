import type { HttpClient } from "./http.ts";
import { htmlToText } from "./internal/html-text.ts";
import { attachmentLinks, parseLinkList } from "./internal/links.ts";
import type { HarvestRecord, RecordSource, SourceItem } from "./types.ts";

export interface ChmQuery {
  /** Base of the CBD API (CHM_API_URL). */
  baseUrl: string;
  /** `schema_s` values; empty = every schema of the realm. */
  schemas: string[];
  country?: string;
  /** Only records updated at or after this ISO time. */
  since?: string;
  /** Stop after this many records. */
  limit?: number;
  pageSize: number;
  maxAttachments: number;
}

/** Index fields read (Solr `fl`): identity, text, links and the human tags. */
const FIELDS = [
  "identifier_s",
  "uniqueIdentifier_s",
  "schema_s",
  "government_s",
  "title_t",
  "title_EN_t",
  "summary_t",
  "summary_EN_t",
  "description_t",
  "description_EN_t",
  "url_ss",
  "updatedDate_dt",
  "createdDate_dt",
  "documentLinks_s",
  "gbfTargets_ss",
  "cbdSubjects_ss",
  "globalTargetAlignment_ss",
  "globalGoalAlignment_ss",
  "aichiTargets_ss",
];
const TAG_FIELDS = [
  "gbfTargets_ss",
  "cbdSubjects_ss",
  "globalTargetAlignment_ss",
  "globalGoalAlignment_ss",
  "aichiTargets_ss",
];
const BODY_TAGS = ["gbfTargets", "cbdSubjects", "globalTargetAlignment", "globalGoalAlignment", "aichiTargets"];
const BODY_LINKS = ["documentLinks", "resourceLinks", "relevantDocuments", "additionalDocuments", "attachments"];

type IndexDoc = Record<string, unknown>;
interface IndexAnswer {
  response?: { numFound?: number; start?: number; docs?: IndexDoc[] };
}
interface FullRecord {
  identifier?: string;
  body?: Record<string, unknown>;
}

/** The Solr request for one page: realm CHM, the filters, oldest update first so paging is stable. */
export function chmIndexUrl(q: ChmQuery, start: number, rows: number): string {
  const url = new URL("/api/v2013/index", q.baseUrl);
  const p = url.searchParams;
  p.set("q", "*:*");
  p.append("fq", "realm_ss:chm");
  if (q.schemas.length) p.append("fq", `schema_s:(${q.schemas.map(solrTerm).join(" OR ")})`);
  if (q.country) p.append("fq", `government_s:${solrTerm(q.country)}`);
  if (q.since) p.append("fq", `updatedDate_dt:[${new Date(q.since).toISOString()} TO *]`);
  p.set("sort", "updatedDate_dt asc, identifier_s asc");
  p.set("fl", FIELDS.join(","));
  p.set("start", String(start));
  p.set("rows", String(rows));
  p.set("wt", "json");
  return url.href;
}

/**
 * Every CHM record matching `q`, page by page from the index; a record whose index entry has no
 * text (summary/description) can be completed from its full record (`/api/v2013/documents/{id}`).
 * An index page that cannot be read ends the harvest with `upstream_failed`.
 */
export async function* chmRecords(http: HttpClient, q: ChmQuery): RecordSource {
  let start = 0;
  let yielded = 0;
  for (;;) {
    const rows = Math.min(q.pageSize, q.limit !== undefined ? q.limit - yielded : q.pageSize);
    if (rows <= 0) return;
    const answer = await http.json<IndexAnswer>(chmIndexUrl(q, start, rows));
    const docs = answer.response?.docs ?? [];
    for (const doc of docs) {
      const item = toItem(http, q, doc);
      if (item) {
        yield item;
        yielded++;
      }
    }
    start += docs.length;
    if (docs.length === 0 || start >= (answer.response?.numFound ?? 0)) return;
  }
}

/** The index entry as a record; `complete` reads the full record when the entry has no text. */
function toItem(http: HttpClient, q: ChmQuery, doc: IndexDoc): SourceItem | undefined {
  const recordId = text(doc.identifier_s) ?? text(doc.uniqueIdentifier_s);
  if (!recordId) return undefined;
  const sections: HarvestRecord["sections"] = [];
  const summary = text(doc.summary_EN_t) ?? text(doc.summary_t);
  const description = text(doc.description_EN_t) ?? text(doc.description_t);
  if (summary) sections.push({ text: htmlToText(summary) });
  if (description) sections.push({ heading: "Description", text: htmlToText(description) });
  const links = parseLinkList(doc.documentLinks_s);
  const title = text(doc.title_EN_t) ?? text(doc.title_t);
  const country = text(doc.government_s)?.toLowerCase();
  const schema = text(doc.schema_s);
  const recordUrl = new URL(`/api/v2013/documents/${encodeURIComponent(recordId)}`, q.baseUrl).href;
  const record: HarvestRecord = {
    system: "chm",
    recordId,
    url: strings(doc.url_ss)[0] ?? recordUrl,
    updatedAt: text(doc.updatedDate_dt) ?? text(doc.createdDate_dt) ?? "",
    title: title ?? recordId,
    ...(schema ? { recordType: schema } : {}),
    ...(country ? { country } : {}),
    sections,
    attachments: attachmentLinks(links, q.baseUrl, q.maxAttachments),
    tagKeys: [...new Set(TAG_FIELDS.flatMap((f) => strings(doc[f])))],
  };
  if (sections.length > 0) return { record };
  const complete = async (): Promise<HarvestRecord> => {
    const body = (await http.json<FullRecord>(recordUrl)).body ?? {};
    const full: HarvestRecord = { ...record, sections: [], tagKeys: [...record.tagKeys] };
    if (!title) full.title = lstring(body.title) ?? recordId;
    for (const [key, heading] of [
      ["summary", undefined],
      ["description", "Description"],
    ] as const) {
      const value = lstring(body[key]);
      if (value) full.sections.push({ ...(heading ? { heading } : {}), text: htmlToText(value) });
    }
    const bodyLinks = BODY_LINKS.flatMap((key) => parseLinkList(body[key]));
    full.attachments = attachmentLinks([...links, ...bodyLinks], q.baseUrl, q.maxAttachments);
    full.tagKeys = [...new Set([...record.tagKeys, ...BODY_TAGS.flatMap((key) => termKeys(body[key]))])];
    const government = termKeys(body.government)[0]?.toLowerCase();
    if (!country && government) full.country = government;
    return full;
  };
  return { record, complete };
}

/** Quotes a filter value for Solr unless it is a plain word. */
function solrTerm(value: string): string {
  return /^[\w-]+$/.test(value) ? value : `"${value.replace(/["\\]/g, "\\$&")}"`;
}

function text(v: unknown): string | undefined {
  if (Array.isArray(v)) return text(v[0]);
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}

function strings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** English of an lstring, else its first language. */
function lstring(v: unknown): string | undefined {
  if (typeof v === "string") return text(v);
  if (!v || typeof v !== "object") return undefined;
  const l = v as Record<string, unknown>;
  return (
    text(l.en) ??
    Object.values(l)
      .map(text)
      .find((x) => x)
  );
}

/** Term / Term[] (`{identifier}`) → keys. */
function termKeys(v: unknown): string[] {
  const items = Array.isArray(v) ? v : v ? [v] : [];
  return items
    .map((t) => (typeof t === "string" ? t : (t as { identifier?: unknown })?.identifier))
    .filter((x): x is string => typeof x === "string");
}
