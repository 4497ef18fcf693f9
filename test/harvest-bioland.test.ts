import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runHarvest } from "../src/commands/harvest.ts";
import type { CommandIo } from "../src/commands/io.ts";
import { recordDocumentKey } from "../src/harvest/index.ts";
import { documentIdFor } from "../src/ingest/index.ts";
import { type ChmApiFake, pdfWith, startChmApi } from "./helpers/chm-api.ts";
import { servicesPerTest } from "./helpers/services.ts";

const services = servicesPerTest();
let api: ChmApiFake;

const node = (id: string, nid: number, title: string, body: string, changed: string, fields = {}) => ({
  type: "node--content",
  id,
  attributes: { drupal_internal__nid: nid, title, body: { value: body, summary: "" }, changed, ...fields },
});

beforeEach(async () => {
  api = await startChmApi();
  api.biolandNodes.push(
    node(
      "uuid-1",
      11,
      "Belgian pollinator strategy",
      "<p>Wild bees decline in farmland hedgerows.</p>",
      "2025-01-10T09:00:00+00:00",
      {
        path: { alias: "/pollinators" },
        field_gbf_targets: ["GBF-TARGET-10"],
        field_attachments: [{ uri: "/sites/default/files/bees.pdf", title: "bees.pdf" }],
      },
    ),
    node(
      "uuid-2",
      12,
      "Marine reserves in the North Sea",
      "<p>Gravel beds are closed to bottom trawling.</p>",
      "2025-02-10T09:00:00+00:00",
      {
        field_gbf_targets: ["GBF-TARGET-03"],
      },
    ),
    node(
      "uuid-3",
      13,
      "Contact the focal point",
      "<p>Write to the national focal point.</p>",
      "2025-03-10T09:00:00+00:00",
    ),
  );
  api.files.set("/sites/default/files/bees.pdf", {
    bytes: await pdfWith(["Solitary bees nest in south-facing sand banks near Leuven."]),
    type: "application/pdf",
  });
});
afterEach(() => api.close());

const io = (): CommandIo & { text(): string } => {
  const lines: string[] = [];
  return { out: (s) => lines.push(s), err: (s) => lines.push(s), text: () => lines.join("\n") };
};
const idOf = (recordId: string) => documentIdFor("", recordDocumentKey({ system: "bioland", recordId }));

describe("harvest bioland", () => {
  it("pages the JSON:API, keeps source and sourceTags, searches attachments, and syncs", async () => {
    const s = await services.start({ HARVEST_PAGE_SIZE: 2, HARVEST_BACKOFF_MS: 5 });
    const args = { system: "bioland" as const, url: `${api.url}/en`, country: "be" };
    const first = io();
    expect(await runHarvest(s, args, first)).toBe(0);
    expect(first.text()).toContain("3 records: 3 new, 0 updated, 0 unchanged, 0 failed.");
    // Two pages of two, the second reached through links.next.
    const pages = api.requests.filter((r) => r.path === "/en/jsonapi/node/content");
    expect(pages.map((r) => r.query.get("page[offset]"))).toEqual([null, "2"]);

    expect(await s.store.documents.get(idOf("uuid-1"))).toMatchObject({
      title: "Belgian pollinator strategy",
      country: "be",
      source: { system: "bioland", recordId: "uuid-1", url: `${api.url}/en/pollinators` },
      sourceTags: { targets: ["GBF-TARGET-10"], goals: ["GBF-GOAL-B"] },
    });
    expect((await s.store.documents.get(idOf("uuid-2")))?.sourceTags?.targets).toEqual(["GBF-TARGET-03"]);
    const hit = await s.search.search({ q: "solitary bees sand banks Leuven", mode: "keyword" });
    expect(hit.hits[0]?.documentId).toBe(idOf("uuid-1"));

    const again = io();
    expect(await runHarvest(s, args, again)).toBe(0);
    expect(again.text()).toContain("3 records: 0 new, 0 updated, 3 unchanged, 0 failed.");

    api.biolandNodes[1]!.attributes = {
      ...api.biolandNodes[1]!.attributes,
      title: "Marine reserves and wind farms in the North Sea",
      changed: "2025-04-01T09:00:00+00:00",
    };
    const changed = io();
    expect(await runHarvest(s, args, changed)).toBe(0);
    expect(changed.text()).toContain("3 records: 0 new, 1 updated, 2 unchanged, 0 failed.");
    expect(await s.store.documents.count()).toBe(3);
    expect((await s.store.documents.get(idOf("uuid-2")))?.title).toBe(
      "Marine reserves and wind farms in the North Sea",
    );
  });

  it("follows JSON:API relationships to files and media, and reports a missing file without failing the node", async () => {
    const rel = (field: string, data: unknown) => ({
      data,
      links: { related: { href: `${api.url}/en/jsonapi/node/content/uuid-4/${field}` } },
    });
    const file = (id: string, filename: string, filemime = "application/pdf") => ({
      type: "file--file",
      id,
      attributes: {
        filename,
        filemime,
        filesize: 1200,
        uri: { value: `public://2025-05/${filename}`, url: `/sites/default/files/2025-05/${filename}` },
      },
    });
    api.biolandNodes.push({
      ...node("uuid-4", 14, "Wetland restoration plan", "<p>Peat bogs are rewetted.</p>", "2025-05-10T09:00:00+00:00"),
      relationships: {
        node_type: { data: { type: "node_type--node_type", id: "nt" } },
        // (a) a file field whose file the page gives in `included`
        field_attachments: rel("field_attachments", [{ type: "file--file", id: "file-a", meta: { description: "" } }]),
        // (b) a media field: the media through the related link, its file from /jsonapi/file/file/{id}
        field_media: rel("field_media", [{ type: "media--document", id: "media-b" }]),
        // (c) a file that no longer exists
        field_reports: rel("field_reports", [{ type: "file--file", id: "file-gone" }]),
      },
    });
    api.biolandEntities.push(
      file("file-a", "wetlands.pdf"),
      file("file-b", "mangroves.pdf"),
      file("icon", "pdf.png", "image/png"),
      {
        type: "media--document",
        id: "media-b",
        attributes: { name: "Mangrove survey" },
        relationships: {
          thumbnail: { data: { type: "file--file", id: "icon" } },
          field_media_document: { data: { type: "file--file", id: "file-b" } },
        },
      },
    );
    api.biolandIncluded.add("file-a");
    api.files.set("/sites/default/files/2025-05/wetlands.pdf", {
      bytes: await pdfWith(["Sphagnum moss returns to the rewetted raised bog at Hautes Fagnes."]),
      type: "application/pdf",
    });
    api.files.set("/sites/default/files/2025-05/mangroves.pdf", {
      bytes: await pdfWith(["Mangrove seedlings planted along the Scheldt estuary mudflats survived winter."]),
      type: "application/pdf",
    });

    const s = await services.start({ HARVEST_BACKOFF_MS: 5 });
    const args = { system: "bioland" as const, url: `${api.url}/en`, country: "be" };
    const first = io();
    expect(await runHarvest(s, args, first)).toBe(0);
    expect(first.text()).toContain("4 records: 4 new, 0 updated, 0 unchanged, 0 failed.");
    expect(first.text()).toMatch(
      /attachment field_reports file-gone: not_found: GET http:\/\/\S+\/en\/jsonapi\/file\/file\/file-gone answered HTTP 404/,
    );
    expect(first.text()).not.toMatch(/pdf\.png|icon/);
    // (a) came from `included`, (b)'s media from its related link and its file from its own resource.
    const asked = api.requests.map((r) => r.path);
    expect(asked).not.toContain("/en/jsonapi/file/file/file-a");
    expect(asked).toContain("/en/jsonapi/node/content/uuid-4/field_media");
    expect(asked).toContain("/en/jsonapi/file/file/file-b");

    const text = (await s.store.chunks.forDocument(idOf("uuid-4"))).map((c) => c.text).join("\n");
    expect(text).toContain("Peat bogs are rewetted");
    expect(text).toContain("Attachment: wetlands.pdf");
    expect(text).toContain("Sphagnum moss returns to the rewetted raised bog");
    expect(text).toContain("Attachment: mangroves.pdf");
    expect(text).toContain("Mangrove seedlings planted along the Scheldt estuary");
    for (const q of ["sphagnum moss raised bog Hautes Fagnes", "mangrove seedlings Scheldt estuary mudflats"]) {
      expect((await s.search.search({ q, mode: "keyword" })).hits[0]?.documentId).toBe(idOf("uuid-4"));
    }

    const before = api.requests.length;
    const again = io();
    expect(await runHarvest(s, args, again)).toBe(0);
    expect(again.text()).toContain("4 records: 0 new, 0 updated, 4 unchanged, 0 failed.");
    // Unchanged nodes cost only the listing: no relationship, media or file request.
    expect(new Set(api.requests.slice(before).map((r) => r.path))).toEqual(new Set(["/en/jsonapi/node/content"]));
  });
});
