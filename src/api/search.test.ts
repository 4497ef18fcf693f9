import { afterEach, describe, expect, it } from "vitest";
import { ingest, makeKit, type Kit } from "./internal/test-kit.ts";

let kit: Kit;
afterEach(async () => kit?.cleanup());

describe("GET /v1/search", () => {
  it("searches in every mode, filters, pages with cursors and browses without q", async () => {
    kit = await makeKit();
    const reef = await ingest(kit, "Coral reef protected areas cover the lagoon.", { country: "fj" });
    const reef2 = await ingest(kit, "Coral reef monitoring by divers in the marine park.", { country: "fr" });
    for (const mode of ["hybrid", "semantic", "keyword"]) {
      const body = await (await kit.app.request(`/v1/search?q=coral+reef&mode=${mode}`)).json();
      expect(body.hits.map((h: any) => h.documentId).sort()).toEqual([reef, reef2].sort());
    }
    const fr = await (await kit.app.request("/v1/search?q=coral&country=fr")).json();
    expect(fr.hits.map((h: any) => h.documentId)).toEqual([reef2]);
    const both = await (await kit.app.request("/v1/search?q=coral&country=fr,fj")).json();
    expect(both.total).toBe(2);
    expect(both.facets.countries.map((c: any) => c.id).sort()).toEqual(["fj", "fr"]);

    const p1 = await (await kit.app.request("/v1/search?q=coral+reef&limit=1")).json();
    const p2 = await (await kit.app.request(`/v1/search?q=coral+reef&limit=1&cursor=${p1.nextCursor}`)).json();
    expect([p1.hits[0].documentId, p2.hits[0].documentId].sort()).toEqual([reef, reef2].sort());
    expect(p2.nextCursor).toBeNull();
    const foreign = await kit.app.request(`/v1/search?q=lagoon&cursor=${p1.nextCursor}`);
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).error.code).toBe("bad_request");

    // Tags are what reviewers accepted or added (suggestions are not tags until then).
    for (const id of [reef, reef2]) {
      const res = await kit.app.request(`/v1/documents/${id}/tags`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ actions: [{ labelId: "GBF-TARGET-03", action: "add" }] }),
      });
      expect(res.status).toBe(200);
    }
    const browse = await (await kit.app.request("/v1/search?target=GBF-TARGET-03")).json();
    expect(browse.hits.map((h: any) => h.documentId)).toEqual([reef2, reef]);
  });

  it("rejects bad parameters with the envelope before the store sees them", async () => {
    kit = await makeKit();
    const cases = [
      "/v1/search?q=x&mode=fuzzy",
      "/v1/search?q=x&limit=1000",
      "/v1/search?target=GBF-TARGET-99",
      "/v1/search?subject=GBF-TARGET-01",
      "/v1/search?from=last-week",
      `/v1/search?country=${encodeURIComponent("fr') OR 1=1 --")}`,
      `/v1/search?type=${encodeURIComponent("x' OR ''='")}`,
    ];
    for (const path of cases) {
      const res = await kit.app.request(path);
      expect(res.status, path).toBe(400);
      const body = await res.json();
      expect(body.error.code, path).toBe("validation_failed");
      expect(body.error.details, path).toBeTruthy();
    }
  });

  it("treats injection attempts in q as plain words and leaves the store intact", async () => {
    kit = await makeKit();
    const id = await ingest(kit, "Coral reef protected areas cover the lagoon.");
    for (const mode of ["hybrid", "keyword", "semantic"]) {
      const q = encodeURIComponent("coral') OR 1=1; DROP TABLE chunks; -- \" <script>");
      const res = await kit.app.request(`/v1/search?q=${q}&mode=${mode}`);
      expect(res.status, mode).toBe(200);
      expect((await res.json()).hits[0]?.documentId, mode).toBe(id);
    }
    expect(await kit.store.documents.count()).toBe(1);
    expect(await kit.store.chunks.count()).toBeGreaterThan(0);
  });
});
