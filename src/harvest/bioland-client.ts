import type { HttpClient } from "./http.ts";
import { htmlToText } from "./internal/html-text.ts";
import { type JsonApiResource, relatedFiles } from "./internal/jsonapi-files.ts";
import { attachmentLinks } from "./internal/links.ts";
import type { HarvestRecord, RecordSource } from "./types.ts";

export interface BiolandQuery {
  /** The site with its locale, e.g. `https://www.example-chm.org/en`. */
  siteUrl: string;
  /** ISO 3166 alpha-2 of the national CHM (Bioland sites are national). */
  country?: string;
  limit?: number;
  pageSize: number;
  maxAttachments: number;
}

interface JsonApiPage {
  data?: JsonApiResource[];
  /** Resources the nodes' relationships point to, when the request or the site asked `include=`. */
  included?: JsonApiResource[];
  links?: { next?: { href?: string } | string };
}

/** CBD term keys as Bioland fields hold them (thesaurus identifiers). */
const TERM_KEY =
  /^(GBF-(TARGET|GOAL)-[\w]+|CBD-SUBJECT-[\w-]+|AICHI-TARGET-\d+|SDG-GOAL-\d+|SUSTAINABLE-DEVELOPMENT-GOAL-\d+)$/i;

/**
 * Nodes of a Bioland (Drupal) national CHM site from its JSON:API (`{site}/jsonapi/node/content`),
 * following `links.next`. Text is the node's title and body; tags are the CBD term keys found in
 * its fields. Attachments are the links in its fields that name documents and, once the node is
 * new or changed (`complete`), the files its relationships lead to (see `relatedFiles`).
 */
export async function* biolandRecords(http: HttpClient, q: BiolandQuery): RecordSource {
  const site = q.siteUrl.replace(/\/+$/, "");
  let next: string | undefined = `${site}/jsonapi/node/content?page[limit]=${q.pageSize}&sort=changed`;
  let yielded = 0;
  while (next) {
    const page: JsonApiPage = await http.json<JsonApiPage>(next);
    for (const node of page.data ?? []) {
      if (q.limit !== undefined && yielded >= q.limit) return;
      const record = toRecord(node, site, q);
      if (record) {
        // Relationships cost requests, so they are followed only for a new or changed record.
        yield { record, complete: () => withRelatedFiles(http, record, node, site, page.included ?? [], q) };
        yielded++;
      }
    }
    const link = page.links?.next;
    next = typeof link === "string" ? link : link?.href;
  }
}

/**
 * The record with its relationships' files after its field links, deduplicated, at most
 * `maxAttachments`. A file that could not be fetched stays in the list under the URL that failed,
 * so the harvest's download reports it as a failed attachment and the record is still ingested.
 */
async function withRelatedFiles(
  http: HttpClient,
  record: HarvestRecord,
  node: JsonApiResource,
  site: string,
  included: JsonApiResource[],
  q: BiolandQuery,
): Promise<HarvestRecord> {
  const max = q.maxAttachments - record.attachments.length;
  if (max <= 0 || !node.relationships) return record;
  const exclude = new Set(record.attachments.map((a) => a.url));
  const files = await relatedFiles(http, node, { site, included, max, exclude });
  return { ...record, attachments: [...record.attachments, ...files.map((f) => f.value)] };
}

function toRecord(node: JsonApiResource, site: string, q: BiolandQuery): HarvestRecord | undefined {
  const a = node.attributes ?? {};
  if (!node.id) return undefined;
  const body = a.body as { value?: unknown; summary?: unknown } | string | undefined;
  const html = typeof body === "string" ? body : typeof body?.value === "string" ? body.value : "";
  const summary = typeof body === "object" && typeof body?.summary === "string" ? body.summary : "";
  const sections = [summary, html]
    .map(htmlToText)
    .filter((t) => t !== "")
    .map((text) => ({ text }));
  const alias = (a.path as { alias?: unknown } | undefined)?.alias;
  const url =
    typeof alias === "string" && alias ? `${site}${alias}` : `${site}/node/${a.drupal_internal__nid ?? node.id}`;
  const found = { keys: new Set<string>(), links: [] as { url?: unknown; name?: unknown }[] };
  for (const [field, value] of Object.entries(a)) if (field.startsWith("field_")) scan(value, found);
  const title = typeof a.title === "string" && a.title.trim() ? a.title.trim() : node.id;
  return {
    system: "bioland",
    recordId: node.id,
    url,
    updatedAt: String(a.changed ?? a.created ?? ""),
    title,
    ...(node.type ? { recordType: node.type.replace(/^node--/, "") } : {}),
    ...(q.country ? { country: q.country.toLowerCase() } : {}),
    sections,
    attachments: attachmentLinks(found.links, site, q.maxAttachments),
    tagKeys: [...found.keys],
  };
}

/** Collects term keys and `{uri|url, title|name}` links anywhere inside a field value. */
function scan(value: unknown, found: { keys: Set<string>; links: { url?: unknown; name?: unknown }[] }): void {
  if (typeof value === "string") {
    if (TERM_KEY.test(value.trim())) found.keys.add(value.trim().toUpperCase());
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) scan(v, found);
    return;
  }
  if (!value || typeof value !== "object") return;
  const o = value as Record<string, unknown>;
  const href = typeof o.uri === "string" ? o.uri : typeof o.url === "string" ? o.url : undefined;
  if (href && /^https?:|^\//.test(href)) found.links.push({ url: href, name: o.title ?? o.name });
  for (const v of Object.values(o)) if (typeof v !== "string" || v !== href) scan(v, found);
}
