// Browser end-to-end for "search that forgives": results as you type (debounced, no request per
// key, the query in the URL), a "no results" that says the relevance floor dropped weak matches,
// typo tolerance, sort by date, a validated date range, OR within a facet group and "clear all",
// names instead of codes, and one relevance (0–1) with the component scores only in "why".
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./e2e/axe.ts";
import { isLocal, skipBrowser } from "./e2e/browser.ts";
import { ingestFile } from "./e2e/ingest.ts";
import type { RunningServer } from "./e2e/server.ts";
import { type BrowserSession, openBrowserSession } from "./e2e/session.ts";

const SHOTS = "test-output/e2e-search";
const API_KEY = "e2e-search-key";
// Ingested in this order, so createdAt rises down the list (sort=date shows them reversed).
const SAMPLES = [
  {
    file: "nbsap-invasive-species.docx",
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    country: "nz",
    recordType: "nbsap",
  },
  { file: "rapport-national-fr.txt", type: "text/plain", country: "fr", recordType: "nationalReport" },
  { file: "informe-espacios-verdes-es.txt", type: "text/plain", country: "es", recordType: "nationalReport" },
  { file: "case-study-wetlands.html", type: "text/html", country: "br", recordType: "caseStudy" },
  { file: "biodiversity-finance-plan.md", type: "text/markdown", country: "fr", recordType: "resource" },
];

describe.skipIf(skipBrowser)("the search page in a real browser", () => {
  let session: BrowserSession;
  let server: RunningServer;
  let page: Page;
  const searches: string[] = [];
  let requests: string[];
  let pageErrors: string[];
  const ids: string[] = [];

  const shot = (name: string) => session.shot(name);
  const status = () => page.locator("#search-status").textContent();
  const shownIds = () =>
    page.locator("#hits li.hit").evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.documentId));
  const hashParams = () => page.evaluate(() => location.hash.split("?")[1] ?? "").then((q) => new URLSearchParams(q));
  // Waits for a search the page is about to send to be answered and drawn.
  const settled = () => expect.poll(status).not.toMatch(/Searching/);

  beforeAll(async () => {
    session = await openBrowserSession(SHOTS, API_KEY, { pageTimeoutMs: 20_000 });
    ({ server, page, requests, pageErrors } = session);
    for (const s of SAMPLES) {
      const fields = { country: s.country, recordType: s.recordType };
      ids.push(await ingestFile(server.baseUrl, API_KEY, `corpora/samples/${s.file}`, s.type, fields));
    }
    await server.services.store.optimize();
    // The session records every request; the debounce tests count the searches among them.
    page.on("request", (r) => {
      if (r.url().includes("/v1/search?")) searches.push(r.url());
    });
  }, 600_000);

  afterAll(async () => session?.close());

  it("searches as you type, one request per pause, with the query in the URL", async () => {
    await page.goto(`${server.baseUrl}/#/search`);
    await expect.poll(status).toMatch(/Showing documents 1–5/);
    searches.length = 0;
    await page.locator("#q").click();
    // Keys 40 ms apart: well inside the 300 ms pause, so no search until the typing stops.
    await page.keyboard.type("invasive species", { delay: 40 });
    await expect.poll(status).toMatch(/for “invasive species”/);
    const typed = searches.map((u) => new URL(u).searchParams.get("q"));
    expect(typed.length, `searches while typing: ${typed.join(" | ")}`).toBeLessThanOrEqual(2);
    expect(typed.at(-1)).toBe("invasive species");
    expect((await hashParams()).get("q")).toBe("invasive species");
    expect((await shownIds())[0]).toBe(ids[0]);
    // A reload keeps the query and its results.
    await page.reload();
    await expect.poll(status).toMatch(/for “invasive species”/);
    expect(await page.locator("#q").inputValue()).toBe("invasive species");
    await shot("01-typed");
  });

  it("shows one relevance per hit, 0–100 %, and the component scores only under why it matched", async () => {
    const scores = await page.locator("#hits .hit-score").allTextContents();
    expect(scores.length).toBeGreaterThan(0);
    for (const s of scores) expect(s).toMatch(/^Relevance (\d|[1-9]\d|100)%$/);
    const first = page.locator("#hits li.hit").first();
    const why = first.locator("details.why");
    expect(await why.locator("p").isVisible()).toBe(false);
    await why.locator("summary").click();
    expect(await why.textContent()).toMatch(/cosine\) 0\.\d\d/);
    // Outside "why", no raw similarity or BM25 number is shown.
    const head = await first.locator(".hit-head").textContent();
    expect(head).not.toMatch(/\d\.\d{2,}/);
    // Names, not codes: the country and the record type of the invasive-species NBSAP.
    expect(await first.locator(".doc-meta").textContent()).toMatch(/New Zealand · en · NBSAP/);
    await shot("02-relevance-why");
  });

  it("forgives typos and says when the relevance floor left out weak matches", async () => {
    await page.goto(`${server.baseUrl}/#/search?q=${encodeURIComponent("invasve specis")}&mode=keyword`);
    await expect.poll(status).toMatch(/Showing documents/);
    expect(await shownIds()).toContain(ids[0]);
    await page.goto(`${server.baseUrl}/#/search?q=${encodeURIComponent("xylophone quantum chromodynamics")}`);
    await expect.poll(status).toMatch(/No documents match “xylophone quantum chromodynamics”/);
    expect(await status()).toMatch(/\d+ weak match(es were| was) left out \(relevance below \d+%\)/);
    expect(await page.locator("#hits li").count()).toBe(0);
    await shot("03-floor");
    await page.locator("#search-status button", { hasText: "keyword mode" }).click();
    await expect.poll(async () => (await hashParams()).get("mode")).toBe("keyword");
    await settled();
    expect(await page.locator("#search-status").textContent()).toMatch(/No documents match|Showing/);
  });

  it("sorts by date and filters by a validated date range kept in the URL", async () => {
    await page.goto(`${server.baseUrl}/#/search?q=biodiversity`);
    await expect.poll(status).toMatch(/Showing documents/);
    await page.locator("#search-sort").selectOption("date");
    await expect.poll(async () => (await hashParams()).get("sort")).toBe("date");
    await expect.poll(status).toMatch(/Newest first/);
    const shown = (await shownIds()) as string[];
    const ingestOrder = shown.map((id) => ids.indexOf(id));
    expect(ingestOrder).toEqual([...ingestOrder].sort((a, b) => b - a));
    expect(shown.length).toBeGreaterThan(1);

    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.locator("#search-from").fill(tomorrow);
    await expect.poll(async () => (await hashParams()).get("from")).toBe(tomorrow);
    await expect.poll(status).toMatch(/No documents match “biodiversity” with these filters/);
    // A reversed range is refused in the page, before any request.
    const before = searches.length;
    await page.locator("#search-to").fill(today);
    await expect.poll(() => page.locator("#search-dates-error").textContent()).toMatch(/after the To date/);
    expect((await hashParams()).get("to")).toBeNull();
    expect(searches.length).toBe(before);
    // The same check guards a range typed into the URL.
    await page.goto(`${server.baseUrl}/#/search?q=biodiversity&from=2024-02-30`);
    await expect.poll(status).toMatch(/From date “2024-02-30” is not a date/);
    await page.goto(`${server.baseUrl}/#/search?q=biodiversity&sort=date&from=${today}&to=${today}`);
    await expect.poll(status).toMatch(/Showing documents/);
    expect(await page.locator("#search-from").inputValue()).toBe(today);
    expect(await page.locator("#search-sort").inputValue()).toBe("date");
    await shot("04-sort-dates");
  });

  it("widens the list with a second country (OR within a group), names values, and clears all", async () => {
    await page.goto(`${server.baseUrl}/#/search`);
    await expect.poll(status).toMatch(/Showing documents 1–5 of 5/);
    const countries = await page.locator('[data-facet="countries"] .facet-name').allTextContents();
    expect(countries).toEqual(expect.arrayContaining(["France", "Spain", "Brazil", "New Zealand"]));
    const types = await page.locator('[data-facet="types"] .facet-name').allTextContents();
    expect(types).toEqual(expect.arrayContaining(["National report", "NBSAP", "Case study"]));
    expect(types.join(" ")).not.toMatch(/nationalReport|caseStudy/);

    await page.locator("#facets label", { hasText: "France" }).click();
    await expect.poll(status).toMatch(/Showing documents 1–2 of 2/);
    await page.locator("#facets label", { hasText: "Spain" }).click();
    await expect.poll(status).toMatch(/Showing documents 1–3 of 3/);
    expect((await hashParams()).getAll("country").sort()).toEqual(["es", "fr"]);
    // AND across groups: France or Spain, and a national report.
    await page.locator('[data-facet="types"] label', { hasText: "National report" }).click();
    await expect.poll(status).toMatch(/Showing documents 1–2 of 2/);
    await shot("05-facets-or");
    await page.locator("#facets button", { hasText: "Clear all filters" }).click();
    await expect.poll(status).toMatch(/Showing documents 1–5 of 5/);
    const cleared = await hashParams();
    expect(cleared.getAll("country")).toEqual([]);
    expect(cleared.getAll("type")).toEqual([]);
  });

  it("has no serious accessibility violations, no script errors and no outside requests", async () => {
    await page.goto(`${server.baseUrl}/#/search?q=${encodeURIComponent("protected areas")}&country=fr&country=es`);
    await expect.poll(status).toMatch(/Showing documents|No documents/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
  });
});
