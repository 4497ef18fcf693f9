import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingest, type Kit, makeKit, postJson } from "./internal/test-kit.ts";

let kit: Kit;

const cell = (report: any, country: string, label: string) =>
  report.cells.find((c: any) => c.country === country && c.label === label);

describe("GET /v1/coverage", () => {
  let frReef: string;
  beforeEach(async () => {
    kit = await makeKit();
    frReef = await ingest(kit, "Our coral reef monitoring covers two new marine reserves.", {
      title: "Reef report",
      country: "fr",
    });
    await ingest(kit, "Degraded wetlands are under restoration in three river basins.", {
      title: "Wetland restoration",
      country: "fr",
    });
    await ingest(kit, "Coral reef surveys show bleaching along the coast.", { title: "Kenya reefs", country: "ke" });
  });
  afterEach(() => kit.cleanup());

  it("counts documents per country and target, lists them with their evidence, and shows the gaps", async () => {
    const res = await kit.app.request("/v1/coverage?by=country");
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.documentsInScope).toBe(3);
    expect(report.counts).toMatch(/classifier/);
    expect(cell(report, "fr", "GBF-TARGET-03").count).toBe(1);
    expect(cell(report, "fr", "GBF-TARGET-02").count).toBe(1);
    expect(cell(report, "ke", "GBF-TARGET-03").count).toBe(1);
    // Goal A follows from its targets: both French documents count once.
    expect(cell(report, "fr", "GBF-GOAL-A").count).toBe(2);
    const gap = cell(report, "ke", "GBF-TARGET-02");
    expect(gap).toMatchObject({ count: 0, documents: [] });
    expect(report.rows.find((r: any) => r.id === "ke").missing).toContain("GBF-TARGET-02");
    expect(report.rows.find((r: any) => r.id === "fr").name).toBe("France");
    const [doc] = cell(report, "fr", "GBF-TARGET-03").documents;
    expect(doc).toMatchObject({ id: frReef, title: "Reef report" });
    expect(doc.evidence[0].text.toLowerCase()).toMatch(/coral|reef|marine/);
    expect(doc.evidence[0].page).toBe(1);
  });

  it("turns the axes for by=target and narrows by country and target", async () => {
    const report = await (await kit.app.request("/v1/coverage?by=target&country=ke&target=GBF-TARGET-03")).json();
    expect(report.rows.map((r: any) => r.id)).toEqual(["GBF-TARGET-03"]);
    expect(report.columns.map((c: any) => c.id)).toEqual(["ke"]);
    expect(report.cells).toHaveLength(1);
    expect(report.cells[0].count).toBe(1);
  });

  it("counts accepted tags only once a reviewer accepts them", async () => {
    const before = await (await kit.app.request("/v1/coverage?tagSource=accepted")).json();
    expect(cell(before, "fr", "GBF-TARGET-03").count).toBe(0);
    const review = await postJson(kit.app, `/v1/documents/${frReef}/tags`, {
      actions: [{ labelId: "GBF-TARGET-03", action: "accept" }],
    });
    expect(review.status).toBe(200);
    const after = await (await kit.app.request("/v1/coverage?tagSource=accepted")).json();
    expect(cell(after, "fr", "GBF-TARGET-03").count).toBe(1);
    expect(cell(after, "fr", "GBF-TARGET-02").count).toBe(0);
  });

  it("exports the matrix as CSV", async () => {
    const res = await kit.app.request("/v1/coverage?by=country&format=csv&target=GBF-TARGET-02,GBF-TARGET-03");
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("country,name,GBF-TARGET-02,GBF-TARGET-03");
    expect(lines).toContain("fr,France,1,1");
    expect(lines).toContain("ke,Kenya,0,1");
  });

  it("rejects bad filters with the error envelope", async () => {
    for (const q of ["country=FR", "target=GBF-TARGET-99", "tagSource=rumour", "by=planet", "from=2024-02-30"]) {
      const res = await kit.app.request(`/v1/coverage?${q}`);
      expect(res.status, q).toBe(400);
      const body = await res.json();
      expect(body.error.code, q).toBe("validation_failed");
    }
  });

  it("summarises one country per target as JSON, HTML and CSV, gaps included", async () => {
    const json = await (await kit.app.request("/v1/coverage/countries/fr/summary")).json();
    expect(json.countryName).toBe("France");
    expect(json.targets.find((t: any) => t.id === "GBF-TARGET-03").documents[0].evidence[0].page).toBe(1);
    expect(json.gaps).toContain("GBF-TARGET-01");
    expect(json.gaps).not.toContain("GBF-TARGET-02");

    const html = await (await kit.app.request("/v1/coverage/countries/fr/summary?format=html")).text();
    expect(html).toContain("No document from France addresses this yet.");
    expect(html).toContain("Reef report");
    expect(html).not.toMatch(/<script/i);

    const csv = await (await kit.app.request("/v1/coverage/countries/ke/summary?format=csv")).text();
    const rows = csv.trim().split("\r\n");
    expect(rows[0]).toMatch(/^country,target,target_name,documents,document_id/);
    expect(rows.some((r) => r.startsWith("ke,GBF-TARGET-03,") && r.includes("Kenya reefs"))).toBe(true);
    expect(rows.some((r) => r.startsWith("ke,GBF-TARGET-01,") && r.includes(",0,"))).toBe(true);
  });

  it("serves the world map's country outlines", async () => {
    const map = await (await kit.app.request("/v1/coverage/map")).json();
    expect(map.width).toBeGreaterThan(0);
    const france = map.shapes.find((s: any) => s.code === "fr");
    expect(france.name).toBe("France");
    expect(france.path).toMatch(/^M[\d.-]+,[\d.-]+/);
  });
});
