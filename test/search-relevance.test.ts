// Search relevance with the real parts: the samples and two island documents go through the
// pipeline (shipped USE encoder, LanceDB) and are searched through GET /v1/search in-process.
import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../src/api/index.ts";
import { apiDepsOf } from "../src/app.ts";
import type { Embedder } from "../src/embed/index.ts";
import { ISLAND_DOCS } from "./helpers/island-docs.ts";
import { drain, sample, shippedEmbedder, type TempServices, tempServices } from "./helpers/services.ts";

let embedder: Embedder;
let s: TempServices;
let app: ReturnType<typeof createApi>;
const files = new Map<string, string>();

beforeAll(async () => {
  embedder = await shippedEmbedder();
  s = await tempServices(embedder, { RATE_LIMIT_PER_MINUTE: 0 });
  for (const name of await readdir("corpora/samples")) {
    if (name === "README.md" || name === "manifest.json") continue;
    await s.queue.enqueue({ bytes: await sample(name), meta: { filename: name, country: "br" } });
  }
  const countries = ["fr", "sc"];
  for (const [i, d] of ISLAND_DOCS.entries()) {
    const bytes = new TextEncoder().encode(d.text);
    await s.queue.enqueue({ bytes, meta: { filename: d.filename, title: d.title, country: countries[i] } });
  }
  await drain(s.worker);
  await s.store.optimize();
  for (const d of await s.store.documents.list()) files.set(d.id, d.filename ?? "");
  app = createApi(apiDepsOf(s));
}, 300_000);

afterAll(async () => {
  await s?.dispose();
  await embedder?.close?.();
});

const search = async (query: string) => {
  const res = await app.request(`/v1/search?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as {
    hits: {
      documentId: string;
      score: number;
      countryName?: string;
      why: { semanticScore?: number; keywordScore?: number };
    }[];
    facets: { countries: { id: string; label: string; count: number }[] };
    total: number;
    floor: { minRelevance: number | null; dropped: number };
  };
};
const names = (hits: { documentId: string }[]) => hits.map((h) => files.get(h.documentId));

describe("search relevance on the samples", () => {
  it("says no results for nonsense in hybrid and semantic modes, and how many it dropped", async () => {
    for (const mode of ["hybrid", "semantic"]) {
      const body = await search(`q=xylophone+quantum+chromodynamics&mode=${mode}`);
      expect(body.hits, mode).toEqual([]);
      expect(body.total).toBe(0);
      expect(body.floor.minRelevance).toBeGreaterThan(0);
      expect(body.floor.dropped).toBeGreaterThan(0);
    }
    for (const q of ["wetland restoration", "harmful subsidies", "invasive species on islands"]) {
      for (const mode of ["hybrid", "semantic"]) {
        expect((await search(`q=${encodeURIComponent(q)}&mode=${mode}`)).hits.length, `${q} ${mode}`).toBeGreaterThan(
          0,
        );
      }
    }
    expect((await search("q=wetland+restoration&mode=keyword")).floor.minRelevance).toBeNull();
  });

  it("shows one 0–1 relevance in every mode, with the component scores in why", async () => {
    for (const mode of ["hybrid", "semantic", "keyword"]) {
      const { hits } = await search(`q=invasive+species+on+islands&mode=${mode}`);
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) {
        expect(h.score).toBeGreaterThanOrEqual(0);
        expect(h.score).toBeLessThanOrEqual(1);
      }
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      expect(hits[0]!.why.semanticScore).toBeGreaterThan(0.3);
      if (mode !== "semantic") expect(hits[0]!.why.keywordScore).toBeGreaterThan(1);
    }
  });

  it("ranks the documents wholly about island invasives above the report that covers eight targets", async () => {
    const ranked = names((await search("q=invasive+species+on+islands&mode=hybrid")).hits);
    const report = ranked.indexOf("gbf-section-1-multipage.pdf");
    for (const d of ISLAND_DOCS) expect(ranked.indexOf(d.filename), d.filename).toBeLessThan(report);
    expect(ISLAND_DOCS.map((d) => d.filename)).toContain(ranked[0]);
  });

  it("forgives typos in keyword and hybrid modes unless fuzzy=false", async () => {
    const typo = "q=invasiv+specis+on+islnds";
    const exact = names((await search(`${typo}&mode=keyword&fuzzy=false`)).hits);
    const fuzzy = names((await search(`${typo}&mode=keyword`)).hits);
    expect(exact).not.toContain("seychelles-island-restoration.txt");
    expect(fuzzy).toContain("seychelles-island-restoration.txt");
    expect(fuzzy.length).toBeGreaterThan(exact.length);
    expect(names((await search(`${typo}&mode=hybrid`)).hits)).toContain("seychelles-island-restoration.txt");
  });

  it("ORs values within a facet group, ANDs groups, and keeps the other values of a ticked group", async () => {
    const one = await search("q=invasive+species+on+islands&country=fr");
    expect(names(one.hits)).toEqual(["france-invasive-species-plan.txt"]);
    // The Countries facet still offers the other countries, so a second one can be ticked.
    expect(one.facets.countries.map((c) => c.id)).toEqual(expect.arrayContaining(["fr", "sc", "br"]));
    expect(one.facets.countries.find((c) => c.id === "sc")?.label).toBe("Seychelles");
    const two = await search("q=invasive+species+on+islands&country=fr&country=sc");
    expect(names(two.hits).sort()).toEqual(ISLAND_DOCS.map((d) => d.filename).sort());
    expect(two.hits.map((h) => h.countryName).sort()).toEqual(["France", "Seychelles"]);
    const and = await search("q=invasive+species+on+islands&country=fr&country=sc&language=fr");
    expect(and.hits).toEqual([]);
  });
});
