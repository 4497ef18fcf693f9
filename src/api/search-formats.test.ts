import { afterEach, describe, expect, it } from "vitest";
import { makeChunks, makeDoc } from "../../test/helpers/records.ts";
import { hashEmbedder, makeKit, type Kit } from "./internal/test-kit.ts";

let kit: Kit;
afterEach(async () => kit?.cleanup());

/** A harvested document straight into the store: source, sourceTags and tags as the pipeline leaves them. */
async function seed(k: Kit, id: string, text: string, over: Parameters<typeof makeDoc>[1] = {}) {
  const doc = makeDoc(id, { chunkCount: 1, ...over });
  const [vector] = await hashEmbedder.embed([text], "passage");
  await k.store.documents.put(doc, makeChunks(doc, [[text, vector!]]));
  return doc;
}

describe("search and document formats", () => {
  it("answers a search as CSV with the chosen columns, escaping quotes, commas and formulas", async () => {
    kit = await makeKit();
    await seed(kit, "d1", "Mangrove restoration on the coast", {
      title: '=HYPERLINK("x"), "mangroves"',
      country: "ke",
      tags: { targets: ["GBF-TARGET-02"], goals: ["GBF-GOAL-A"], subjects: [], sdgs: [] },
    });
    await kit.store.optimize();
    const res = await kit.app.request(
      "/v1/search?q=mangrove&mode=keyword&format=csv&fields=documentId,title,country,targets",
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines).toEqual([
      "documentId,title,country,targets",
      `d1,"'=HYPERLINK(""x""), ""mangroves""",ke,GBF-TARGET-02`,
    ]);

    const bad = await kit.app.request("/v1/search?q=mangrove&format=csv&fields=documentId,password");
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.unknown).toEqual(["password"]);
  });

  it("answers a search as an Atom feed with tags as categories and a next link, and serves /opensearch.xml", async () => {
    kit = await makeKit();
    await seed(kit, "a1", "Seagrass <meadows> & dugongs", {
      title: "Seagrass & dugongs",
      tags: { targets: ["GBF-TARGET-03"], goals: [], subjects: [], sdgs: [] },
    });
    await seed(kit, "a2", "Seagrass mapping by drones", { title: "Seagrass mapping" });
    await kit.store.optimize();
    const res = await kit.app.request("http://chm.test/v1/search?q=seagrass&mode=keyword&format=atom&limit=1");
    expect(res.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    const feed = await res.text();
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed.match(/<entry>/g)).toHaveLength(1);
    expect(feed).toMatch(
      /<link rel="next" type="application\/atom\+xml" href="http:\/\/chm\.test\/v1\/search\?q=seagrass&amp;mode=keyword&amp;format=atom&amp;limit=1&amp;cursor=/,
    );
    expect(feed).not.toMatch(/<meadows>|& dugongs/);
    const all = await (await kit.app.request("http://chm.test/v1/search?q=dugongs&mode=keyword&format=atom")).text();
    expect(all).toContain("<title>Seagrass &amp; dugongs</title>");
    expect(all).toContain('<category term="GBF-TARGET-03" scheme="https://api.cbd.int/api/v2013/thesaurus/terms"');

    const os = await kit.app.request("http://chm.test/opensearch.xml");
    expect(os.headers.get("content-type")).toMatch(/^application\/opensearchdescription\+xml/);
    expect(await os.text()).toContain(
      'template="http://chm.test/v1/search?q={searchTerms}&amp;limit={count?}&amp;format=atom"',
    );
  });

  it("shows source and sourceTags, a JSON-LD view with thesaurus URIs, and the tags in CHM field format", async () => {
    kit = await makeKit();
    const source = {
      system: "chm" as const,
      recordId: "NR7-1",
      url: "https://chm.cbd.int/database/NR7-1",
      updatedAt: "2024-05-01T00:00:00Z",
    };
    const sourceTags = { targets: ["GBF-TARGET-03"], goals: ["GBF-GOAL-A"], subjects: [], sdgs: [] };
    await seed(kit, "r1", "Protected areas report", {
      title: "Seventh national report",
      recordType: "nationalReport7",
      country: "fr",
      source,
      sourceTags,
      tags: { targets: ["GBF-TARGET-03"], goals: ["GBF-GOAL-A"], subjects: ["CBD-SUBJECT-MAR"], sdgs: [] },
    });
    const json = await (await kit.app.request("/v1/documents/r1")).json();
    expect(json.source).toEqual(source);
    expect(json.sourceTags).toEqual(sourceTags);

    for (const req of [
      kit.app.request("http://chm.test/v1/documents/r1?format=jsonld"),
      kit.app.request("http://chm.test/v1/documents/r1", { headers: { accept: "application/ld+json" } }),
    ]) {
      const res = await req;
      expect(res.headers.get("content-type")).toMatch(/^application\/ld\+json/);
      const ld = await res.json();
      expect(ld).toMatchObject({
        "@context": "https://schema.org",
        "@type": "Report",
        "@id": "http://chm.test/v1/documents/r1",
        name: "Seventh national report",
        sameAs: source.url,
      });
      expect(ld.about.map((t: { "@id": string }) => t["@id"])).toEqual([
        "https://api.cbd.int/api/v2013/thesaurus/terms/GBF-GOAL-A",
        "https://api.cbd.int/api/v2013/thesaurus/terms/GBF-TARGET-03",
        "https://api.cbd.int/api/v2013/thesaurus/terms/CBD-SUBJECT-MAR",
      ]);
    }
    const cbd = await (await kit.app.request("/v1/documents/r1?format=cbd")).json();
    expect(cbd).toMatchObject({
      header: { identifier: "NR7-1", schema: "nationalReport7" },
      gbfTargets: [{ identifier: "GBF-TARGET-03" }],
      globalGoalAlignment: [{ identifier: "GBF-GOAL-A" }],
      cbdSubjects: [{ identifier: "CBD-SUBJECT-MAR" }],
    });
    expect((await kit.app.request("/v1/documents/r1?format=xml")).status).toBe(400);
  });
});
