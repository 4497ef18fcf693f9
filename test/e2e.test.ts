// Browser end-to-end: the real server (services, worker, API, UI) driven by headless Chromium.
// A user uploads a PDF, reviews the suggestions, saves tags, finds the document again by search
// and facet, and looks at the evaluation page; the page must never contact another host.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeLatestCheck } from "../src/eval/index.ts";
import { titleCheckFile } from "./helpers/check-file.ts";
import { isLocal, skipBrowser } from "./e2e/browser.ts";
import { uploadFile } from "./e2e/ingest.ts";
import type { RunningServer } from "./e2e/server.ts";
import { type BrowserSession, openBrowserSession } from "./e2e/session.ts";

const FIXTURE = "corpora/samples/gbf-section-1-multipage.pdf";
const SHOTS = "test-output/e2e";
const API_KEY = "e2e-secretariat-key";
const TITLE = "E2E national report section on targets 1-8";
// Not among the PDF's targets (1–8), so adding it is a visible change in tags and facets.
const ADDED = "GBF-TARGET-15";

describe.skipIf(skipBrowser)("web UI in a real browser", () => {
  let session: BrowserSession;
  let server: RunningServer;
  let page: Page;
  let requests: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    session = await openBrowserSession(SHOTS, API_KEY);
    ({ server, page, requests, pageErrors } = session);
  }, 420_000);

  afterAll(async () => session?.close());

  const shot = (name: string) => session.shot(name);

  it("serves the UI from the same process as the API", async () => {
    const res = await fetch(`${server.baseUrl}/`);
    expect(res.status, "GET / must serve the UI: createApi should call registerUi(app, { evalDir })").toBe(200);
    expect(await res.text()).toContain("/ui/app.js");
  });

  it("uploads a PDF, shows suggestions with page evidence, and saves reviewed tags", async () => {
    await page.goto(`${server.baseUrl}/#/submit`);
    expect(await page.locator("h1#submit-heading").textContent()).toBe("Submit a document");

    // Writes need the key; the UI keeps it in localStorage and sends it as a bearer token.
    await page.locator(".settings summary").click();
    await page.fill("#api-key", API_KEY);
    await page.getByRole("button", { name: "Save key" }).click();
    await page.locator(".settings summary").click();

    await page.setInputFiles("#up-file", FIXTURE);
    await page.fill("#up-title", TITLE);
    // A value the API rejects must come back as a readable error, not leave "Uploading…" up.
    await page.fill("#up-country", "f1");
    await page.getByRole("button", { name: "Upload and classify" }).click();
    await expect.poll(() => page.locator("#up-status").textContent(), { timeout: 30_000 }).toMatch(/country/i);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("up-submit");

    await page.fill("#up-country", "fr");
    await page.getByRole("button", { name: "Upload and classify" }).click();

    await page.waitForSelector("#result .suggestion", { timeout: 150_000 });
    expect(await page.locator("#doc-title").textContent()).toBe(TITLE);
    // Focus moves to the new result, not back to <body>.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("doc-title");
    const targets = page.locator('#result .suggestion[data-label^="GBF-TARGET-"]');
    expect(await targets.count()).toBeGreaterThan(0);
    // Evidence cites a page of the PDF (it has five).
    const evidence = page.locator("#result .evidence").first();
    await evidence.locator("summary").click();
    expect(await evidence.locator(".evidence-meta").first().textContent()).toMatch(/p\. [1-5]/);
    expect((await evidence.locator("mark").first().textContent())?.trim()).not.toBe("");

    const first = targets.first();
    await first.getByRole("button", { name: /^Accept/ }).click();
    expect(await first.getByRole("button", { name: /^Accept/ }).getAttribute("aria-pressed")).toBe("true");

    await page.fill("#add-filter", ADDED);
    await expect.poll(() => page.locator("#add-select option").count()).toBe(1);
    await page.getByRole("button", { name: "Add tag" }).click();
    await page.getByRole("button", { name: "Save tags" }).click();
    await expect
      .poll(() => page.locator(".review .status").textContent(), { timeout: 30_000 })
      .toBe("Saved 2 change(s).");
    await page.locator(".current-tags .chip", { hasText: "T15" }).first().waitFor({ timeout: 10_000 });
    await shot("submit-desktop");
  }, 240_000);

  it("finds the document by search, with highlighted passages and facet counts", async () => {
    await page.goto(`${server.baseUrl}/#/search`);
    await page.fill("#q", "protected areas");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    // The view first browses all documents; wait for the answer to this query.
    await expect
      .poll(() => page.locator("#search-status").textContent(), { timeout: 30_000 })
      .toMatch(/for “protected areas”/);
    const hit = page.locator(".hit", { hasText: TITLE });
    await hit.waitFor({ timeout: 30_000 });
    expect(await hit.locator(".snippet mark").count()).toBeGreaterThan(0);
    expect(await hit.locator(".page").first().textContent()).toMatch(/pp?\. [1-5]/);
    expect(await hit.locator(".chip", { hasText: "T15" }).count()).toBe(1);

    // One document carries the added target, so its facet says 1; ticking it keeps the hit.
    const facet = page.locator('[data-facet="targets"] li', { hasText: "T15" });
    expect(await facet.locator(".count").textContent()).toBe("1");
    await facet.locator("input").check();
    await expect.poll(() => page.url()).toMatch(/target=GBF-TARGET-15/);
    await expect.poll(() => page.locator("#search-status").textContent()).toMatch(/Showing documents 1–1 of 1/);
    expect(await page.locator(".hit").count()).toBe(1);
    expect(await page.locator('[data-facet="targets"] li', { hasText: "T15" }).locator("input").isChecked()).toBe(true);
    await shot("search-desktop");

    await page.getByRole("link", { name: "Similar documents" }).first().click();
    await expect.poll(() => page.locator("#search-status").textContent()).toMatch(/similar to “E2E/);
  });

  it("keeps ticked filters on screen when they match nothing, so they can be unticked", async () => {
    await page.goto(`${server.baseUrl}/#/search?q=protected+areas&target=GBF-TARGET-15&language=fr`);
    await expect
      .poll(() => page.locator("#search-status").textContent(), { timeout: 30_000 })
      .toMatch(/with these filters/);
    const lang = page.locator('[data-facet="languages"] input[value="fr"]');
    expect(await lang.isChecked()).toBe(true);
    await lang.uncheck();
    await expect.poll(() => page.url(), { timeout: 30_000 }).not.toMatch(/language=fr/);
    await expect
      .poll(() => page.locator("#search-status").textContent(), { timeout: 30_000 })
      .toMatch(/Showing documents 1–1 of 1/);
  });

  it("shows a validation error instead of 'Searching…' forever", async () => {
    await page.goto(`${server.baseUrl}/#/search?q=forest&country=FR`);
    await expect.poll(() => page.locator("#search-status").textContent(), { timeout: 30_000 }).toMatch(/country/i);
  });

  it("keeps the result page in the URL, so a reload or a link opens the same page", async () => {
    // Eleven more small documents make two pages of ten.
    for (let i = 1; i <= 11; i++) {
      const text = `Paging note ${i}. Community seed banks keep local crop varieties for farmers in district ${i}.`;
      await uploadFile(server.baseUrl, API_KEY, new File([text], `paging-${i}.txt`, { type: "text/plain" }));
    }
    await expect
      .poll(async () => (await (await fetch(`${server.baseUrl}/v1/search?limit=1`)).json()).total, { timeout: 180_000 })
      .toBe(12);
    await page.goto(`${server.baseUrl}/#/search`);
    await expect
      .poll(() => page.locator("#search-status").textContent(), { timeout: 30_000 })
      .toMatch(/Showing documents 1–10 of 12/);
    await page.getByRole("button", { name: "Next page" }).click();
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/page=2/);
    await expect
      .poll(() => page.locator("#search-status").textContent(), { timeout: 30_000 })
      .toMatch(/Showing documents 11–12 of 12/);
    await page.reload();
    await expect
      .poll(() => page.locator("#search-status").textContent(), { timeout: 30_000 })
      .toMatch(/Showing documents 11–12 of 12/);
    expect(await page.locator(".page-no").textContent()).toBe("Page 2");
    await page.getByRole("button", { name: "Previous page" }).click();
    await expect.poll(() => page.url(), { timeout: 30_000 }).not.toMatch(/page=/);
    await expect
      .poll(() => page.locator("#search-status").textContent(), { timeout: 30_000 })
      .toMatch(/Showing documents 1–10 of 12/);
  }, 240_000);

  it("explains how to run an evaluation when there is none yet", async () => {
    await page.goto(`${server.baseUrl}/#/eval`);
    await expect.poll(() => page.locator("#eval-body").textContent()).toContain("npm run eval");
    await shot("eval-desktop");
    // The label-space selector asks for that space's latest eval and names its command.
    await page.selectOption("#eval-space", "sdg");
    await expect.poll(() => page.locator("#eval-body").textContent()).toContain("npm run eval -- --space sdg");
    await page.selectOption("#eval-space", "");
  });

  it("lists the held-out checks of the last full eval, each linking to its report", async () => {
    await writeLatestCheck(server.services.config.EVAL_DIR, "gbf-titles", titleCheckFile(), "<p>titles</p>");
    // The page is on the Evaluation view already: another visit loads the checks again.
    await page.goto(`${server.baseUrl}/#/search`);
    await page.goto(`${server.baseUrl}/#/eval`);
    const checks = page.locator("#eval-checks");
    await expect.poll(() => checks.textContent()).toContain("gbf-titles");
    expect(await checks.textContent()).toContain("92.8%");
    expect(await checks.textContent()).toContain("fr 100%");
    expect(await checks.locator("a").first().getAttribute("href")).toBe("/ui/eval-report?check=gbf-titles");
    await shot("eval-checks");
  });

  it("works at phone width", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const view of ["submit", "search", "eval"]) {
      await page.goto(`${server.baseUrl}/#/${view}`);
      await page.locator(`#view-${view}`).waitFor({ state: "visible" });
      // Nothing may force sideways scrolling of the whole page.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${view} overflows at 390px`).toBeLessThanOrEqual(0);
      await shot(`${view}-phone`);
    }
  });

  it("made no request to any host but the local server, and threw no script errors", () => {
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
