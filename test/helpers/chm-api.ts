/**
 * A local stand-in for the CBD API (api.cbd.int): the Solr index with paging, full records and
 * attachments, answering JSON shaped like the real one (field names as documented in the
 * Secretariat's public repositories). Records can be edited between harvests; every request is
 * logged so tests can check what a harvest asked for.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Document, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";

export type IndexDoc = Record<string, unknown>;

export interface ChmApiFake {
  url: string;
  /** Index entries by identifier_s (edit them to simulate changes at the source). */
  index: Map<string, IndexDoc>;
  /** Full records (`/api/v2013/documents/{id}`) by identifier. */
  records: Map<string, { identifier: string; body: Record<string, unknown> }>;
  /** Attachment bodies by path; `failFirst` answers 503 that many times before the bytes. */
  files: Map<string, { bytes: Uint8Array; type: string; failFirst?: number }>;
  /**
   * Nodes of a fake Bioland (Drupal) site served at `/{locale}/jsonapi/node/content`, JSON:API
   * pages of `page[limit]` from `page[offset]` with `links.next`, sorted by `changed`.
   */
  biolandNodes: BiolandNode[];
  /**
   * Other resources of the Bioland site (`file--file`, `media--document` …), served at
   * `/{locale}/jsonapi/{entity}/{bundle}/{id}`; a resource's relationship is served at its related
   * link `…/{id}/{field}` (targets that do not exist are left out, as Drupal does).
   */
  biolandEntities: BiolandNode[];
  /** Ids of `biolandEntities` a node page puts in its top-level `included` when its nodes point to them. */
  biolandIncluded: Set<string>;
  requests: { path: string; query: URLSearchParams; userAgent: string }[];
  close(): Promise<void>;
}

export interface BiolandNode {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  /** JSON:API relationships: `{ data: {type, id} | {type, id}[], links?: { related: { href } } }`. */
  relationships?: Record<string, { data: unknown; links?: unknown }>;
}

export async function pdfWith(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 18, size: 11, font }));
  return doc.save();
}

export async function docxWith(paragraphs: string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ text })) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function startChmApi(): Promise<ChmApiFake> {
  const fake: Omit<ChmApiFake, "url" | "close"> = {
    index: new Map(),
    records: new Map(),
    files: new Map(),
    biolandNodes: [],
    biolandEntities: [],
    biolandIncluded: new Set(),
    requests: [],
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    fake.requests.push({ path: url.pathname, query: url.searchParams, userAgent: header(req, "user-agent") });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/api/v2013/index" || url.pathname === "/api/v2013/index/select") {
      const docs = [...fake.index.values()]
        .filter((d) => matches(d, url.searchParams.getAll("fq")))
        .sort((a, b) => String(a.updatedDate_dt).localeCompare(String(b.updatedDate_dt)));
      const start = Number(url.searchParams.get("start") ?? 0);
      const rows = Number(url.searchParams.get("rows") ?? 10);
      return json(200, { response: { numFound: docs.length, start, docs: docs.slice(start, start + rows) } });
    }
    if (/^\/[a-z]{2}\/jsonapi\/node\/content$/.test(url.pathname)) {
      const limit = Number(url.searchParams.get("page[limit]") ?? 50);
      const offset = Number(url.searchParams.get("page[offset]") ?? 0);
      const nodes = [...fake.biolandNodes].sort((a, b) =>
        String(a.attributes.changed).localeCompare(String(b.attributes.changed)),
      );
      const next = new URL(url);
      next.searchParams.set("page[offset]", String(offset + limit));
      const host = `http://${header(req, "host")}`;
      const data = nodes.slice(offset, offset + limit);
      const pointedTo = new Set(data.flatMap((n) => targetsOf(n).map((t) => t.id)));
      const included = fake.biolandEntities.filter((e) => fake.biolandIncluded.has(e.id) && pointedTo.has(e.id));
      return json(200, {
        jsonapi: { version: "1.0" },
        data,
        ...(included.length ? { included } : {}),
        links: {
          self: { href: `${host}${url.pathname}${url.search}` },
          ...(offset + limit < nodes.length ? { next: { href: `${host}${next.pathname}${next.search}` } } : {}),
        },
      });
    }
    const resource = /^\/[a-z]{2}\/jsonapi\/(\w+)\/(\w+)\/([^/]+)(?:\/(\w+))?$/.exec(url.pathname);
    if (resource) {
      const [, entity, bundle, id, field] = resource;
      const all = [...fake.biolandNodes, ...fake.biolandEntities];
      const found = all.find((e) => e.type === `${entity}--${bundle}` && e.id === decodeURIComponent(id!));
      const notFound = { errors: [{ status: "404", title: "Not Found", detail: "The resource does not exist." }] };
      if (!found || (field && !found.relationships?.[field])) return json(404, notFound);
      if (!field) return json(200, { jsonapi: { version: "1.0" }, data: found });
      const rel = found.relationships![field]!;
      const targets = targetsOf({ relationships: { [field]: rel } }).flatMap(
        (t) => fake.biolandEntities.find((e) => e.type === t.type && e.id === t.id) ?? [],
      );
      return json(200, { jsonapi: { version: "1.0" }, data: Array.isArray(rel.data) ? targets : (targets[0] ?? null) });
    }
    const record = /^\/api\/v2013\/documents\/([^/]+)$/.exec(url.pathname);
    if (record) {
      const found = fake.records.get(decodeURIComponent(record[1]!));
      return found ? json(200, found) : json(404, { statusCode: 404, message: "Not found" });
    }
    const file = fake.files.get(url.pathname);
    if (!file) return json(404, { statusCode: 404, message: "Not found" });
    if (file.failFirst && file.failFirst > 0) {
      file.failFirst--;
      return json(503, { statusCode: 503, message: "Service Unavailable" });
    }
    res.writeHead(200, { "content-type": file.type, "content-length": String(file.bytes.byteLength) });
    res.end(Buffer.from(file.bytes));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...fake,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The `{type, id}` targets of a resource's relationships. */
function targetsOf(r: Pick<BiolandNode, "relationships">): { type: string; id: string }[] {
  return Object.values(r.relationships ?? {}).flatMap(
    (rel) => [rel.data ?? []].flat() as { type: string; id: string }[],
  );
}

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : (v ?? "");
}

/** The filters the harvester sends: realm, schema list, government, updated since. */
function matches(doc: IndexDoc, fqs: string[]): boolean {
  return fqs.every((fq) => {
    const [field, value] = [fq.slice(0, fq.indexOf(":")), fq.slice(fq.indexOf(":") + 1)];
    const have = ([] as unknown[]).concat(doc[field] ?? []).map(String);
    if (field === "updatedDate_dt") {
      const from = /^\[(\S+) TO \*\]$/.exec(value)?.[1] ?? "";
      return have.some((v) => v >= from);
    }
    const wanted = value
      .replace(/^\(|\)$/g, "")
      .split(" OR ")
      .map((v) => v.replace(/^"|"$/g, ""));
    return have.some((v) => wanted.includes(v));
  });
}
