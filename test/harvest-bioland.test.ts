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
});
