import { AppError, toAppError } from "../../errors.ts";
import type { HttpClient } from "../http.ts";
import type { RecordAttachment } from "../types.ts";

/** A JSON:API link: a string in older Drupal JSON:API, `{ href }` since 8.7. */
export type JsonApiLink = string | { href?: string };

export interface JsonApiIdentifier {
  type?: string;
  id?: string;
  meta?: Record<string, unknown>;
}

export interface JsonApiRelationship {
  data?: JsonApiIdentifier | JsonApiIdentifier[] | null;
  links?: { related?: JsonApiLink; self?: JsonApiLink };
}

export interface JsonApiResource {
  type?: string;
  id?: string;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, JsonApiRelationship>;
}

/** One file a node's relationships lead to; a target that could not be fetched is `ok: false`. */
export type RelatedFile =
  | { ok: true; value: RecordAttachment }
  | {
      ok: false;
      /** The URL that answered the error (downloading it again reports the same failure). */
      value: RecordAttachment;
      error: AppError;
    };

export interface RelatedFilesContext {
  /** The site with its locale (`https://…/en`): individual resources are `{site}/jsonapi/{type}/{bundle}/{id}`. */
  site: string;
  /** The page's top-level `included` resources (present when the listing asked `include=` or the site adds it). */
  included: JsonApiResource[];
  /** Files to return at most. */
  max: number;
  /** Attachment URLs the record already has (links in `field_*` values); not returned again. */
  exclude?: ReadonlySet<string>;
}

type Target = Required<Pick<JsonApiIdentifier, "type" | "id">> & JsonApiIdentifier;
type Resolved = { ok: true; resource: JsonApiResource } | { ok: false; url: string; error: AppError };

/** Media bundles that never hold a document (their files are images, sound or video). */
const NON_DOCUMENT_MEDIA = /image|video|audio|remote/i;
/** File types the extractors cannot read; skipped rather than reported as failures. */
const NON_DOCUMENT_MIME = /^(image|video|audio)\//i;
/** The media fields that hold the file, tried before any other relationship to a file. */
const MEDIA_FILE_FIELDS = ["field_media_document", "field_media_file"];

/**
 * The files a JSON:API node's relationships lead to: `file--file` targets directly, `media--*`
 * targets through their own relationship to a file (one hop; never a media's `thumbnail`). A target
 * is read from `included` first, else from its relationship's related link (one request per field),
 * else from its individual resource. A target that answers a final error (404, 403) comes back as
 * `ok: false` with the URL that failed; a transient failure that outlasted the client's retries
 * throws, so the record fails and the next harvest tries it again rather than storing it without
 * the file. Images, sound and video are skipped.
 *
 * @example
 * const files = await relatedFiles(http, node, { site: "https://www.example-chm.org/en", included: page.included ?? [], max: 5 });
 */
export async function relatedFiles(
  http: HttpClient,
  node: JsonApiResource,
  ctx: RelatedFilesContext,
): Promise<RelatedFile[]> {
  const byKey = new Map<string, JsonApiResource>();
  for (const r of ctx.included) if (r.type && r.id) byKey.set(keyOf(r), r);
  const fetched = new Map<string, Promise<JsonApiResource[]>>();
  const out: RelatedFile[] = [];
  const seen = new Set(ctx.exclude ?? []);

  // Reads a target from `included`, then its field's related link, then its own resource.
  const resolve = async (target: Target, rel: JsonApiRelationship): Promise<Resolved> => {
    const known = byKey.get(keyOf(target));
    if (known) return { ok: true, resource: known };
    const related = hrefOf(rel.links?.related);
    if (related) {
      const found = (await fetchOnce(related, true)).find((r) => r.id === target.id);
      if (found) return { ok: true, resource: found };
    }
    const url = individualUrl(ctx.site, target);
    try {
      const resource = (await fetchOnce(url, false))[0];
      if (resource) return { ok: true, resource };
      return { ok: false, url, error: new AppError("not_found", `GET ${url} returned no resource`) };
    } catch (e) {
      const error = toAppError(e);
      if (error.transient) throw error;
      return { ok: false, url, error };
    }
  };

  // Related links are a convenience: when one fails, the individual resource still decides.
  const fetchOnce = (url: string, lenient: boolean): Promise<JsonApiResource[]> => {
    let p = fetched.get(url);
    if (!p) {
      p = http.json<{ data?: JsonApiResource | JsonApiResource[] | null }>(url).then((body) => listOf(body.data));
      fetched.set(url, p);
    }
    return lenient ? p.catch(() => []) : p;
  };

  const add = (file: RelatedFile) => {
    if (seen.has(file.value.url)) return;
    seen.add(file.value.url);
    out.push(file);
  };

  for (const [field, rel] of Object.entries(node.relationships ?? {})) {
    for (const target of listOf(rel?.data)) {
      if (out.length >= ctx.max) return out;
      if (!isTarget(target) || target.meta?.width !== undefined) continue; // `width`: an image field
      const isFile = target.type === "file--file";
      const isMedia = target.type.startsWith("media--") && !NON_DOCUMENT_MEDIA.test(target.type.slice(7));
      if (!isFile && !isMedia) continue;
      const got = await resolve(target, rel);
      if (!got.ok) {
        add({ ok: false, value: { url: got.url, name: failedName(field, target) }, error: got.error });
        continue;
      }
      if (isFile) {
        const file = fileAttachment(got.resource, ctx.site);
        if (file) add({ ok: true, value: file });
        continue;
      }
      const hop = mediaFileTarget(got.resource);
      if (!hop) continue;
      const fileGot = await resolve(hop.target, hop.rel);
      if (!fileGot.ok) {
        add({ ok: false, value: { url: fileGot.url, name: failedName(field, hop.target) }, error: fileGot.error });
        continue;
      }
      const file = fileAttachment(fileGot.resource, ctx.site);
      if (file) add({ ok: true, value: file });
    }
  }
  return out;
}

/**
 * A `file--file` resource as an attachment: its `uri.url` (Drupal ≥ 8.5; `url` in JSON:API 1.x)
 * made absolute against the site, named by `filename`. No URL, or an image/sound/video → none.
 */
export function fileAttachment(file: JsonApiResource, site: string): RecordAttachment | undefined {
  const a = file.attributes ?? {};
  if (typeof a.filemime === "string" && NON_DOCUMENT_MIME.test(a.filemime)) return undefined;
  const uri = a.uri as { url?: unknown } | undefined;
  const raw = typeof uri?.url === "string" ? uri.url : typeof a.url === "string" ? a.url : undefined;
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw, site);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  const fallback = decodeURIComponent(url.pathname.split("/").pop() || url.host);
  const name = typeof a.filename === "string" && a.filename.trim() ? a.filename.trim() : fallback;
  return { url: url.href, name };
}

/** The relationship of a media entity that holds its file: the usual source fields first, never `thumbnail`. */
function mediaFileTarget(media: JsonApiResource): { target: Target; rel: JsonApiRelationship } | undefined {
  const rels = media.relationships ?? {};
  const fields = [...MEDIA_FILE_FIELDS, ...Object.keys(rels).filter((f) => !MEDIA_FILE_FIELDS.includes(f))];
  for (const field of fields) {
    const rel = rels[field];
    if (!rel || field === "thumbnail") continue;
    const target = listOf(rel.data).find((t): t is Target => isTarget(t) && t.type === "file--file");
    if (target) return { target, rel };
  }
  return undefined;
}

/** `file--file` → `{site}/jsonapi/file/file/{id}`; `media--document` → `{site}/jsonapi/media/document/{id}`. */
function individualUrl(site: string, target: { type: string; id: string }): string {
  const [entity, bundle = entity] = target.type.split("--");
  return `${site}/jsonapi/${entity}/${bundle}/${encodeURIComponent(target.id)}`;
}

function failedName(field: string, target: JsonApiIdentifier): string {
  const description = target.meta?.description;
  return typeof description === "string" && description.trim() ? description.trim() : `${field} ${target.id}`;
}

// Drupal points a reference to a deleted entity at `{ type: "unknown", id: "missing" }`.
function isTarget(t: JsonApiIdentifier | undefined): t is Target {
  return typeof t?.type === "string" && typeof t.id === "string" && t.id !== "missing" && t.type !== "unknown";
}

function listOf<T>(data: T | T[] | null | undefined): T[] {
  return data == null ? [] : Array.isArray(data) ? data : [data];
}

function keyOf(r: { type?: string; id?: string }): string {
  return `${r.type} ${r.id}`;
}

function hrefOf(link: JsonApiLink | undefined): string | undefined {
  return typeof link === "string" ? link : link?.href;
}
