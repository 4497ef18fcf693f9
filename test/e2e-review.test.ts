// Browser end-to-end for the Secretariat's review and the submitter's return visit: upload with a
// country picked by name and a CHM record type, see it under "My documents" with its review state,
// find it in the review queue, filter the queue, accept a suggestion in bulk, and read the accept
// rate per label and the history. axe-core checks both new views.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./e2e/axe.ts";
import { isLocal, skipBrowser } from "./e2e/browser.ts";
import type { RunningServer } from "./e2e/server.ts";
import { type BrowserSession, openBrowserSession } from "./e2e/session.ts";

const FIXTURE = "corpora/samples/case-study-wetlands.html";
const SHOTS = "test-output/e2e-review";
const API_KEY = "e2e-review-secretariat-key";
const TITLE = "E2E wetlands case study";

describe.skipIf(skipBrowser)("review queue and my documents in a real browser", () => {
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
  const noSerious = async (where: string) => expect(await seriousViolations(page), where).toEqual([]);

  it("uploads with a country chosen by name and a CHM record type", async () => {
    await page.goto(`${server.baseUrl}/#/submit`);
    await page.locator(".settings summary").click();
    await page.fill("#api-key", API_KEY);
    await page.getByRole("button", { name: "Save key" }).click();
    await page.locator(".settings summary").click();

    // The lists come from the API: country names (src/geo) and the CHM schemas' record types.
    await expect.poll(() => page.locator("#country-names option").count()).toBeGreaterThan(100);
    expect(await page.locator('#country-names option[value="Kenya"]').count()).toBe(1);
    expect(await page.locator('#up-type option[value="caseStudy"]').textContent()).toBe("Case study");
    expect(await page.locator('#up-type option[value="nationalReport7"]').count()).toBe(1);

    await page.setInputFiles("#up-file", FIXTURE);
    await page.fill("#up-title", TITLE);
    await page.fill("#up-country", "Kenya");
    await page.selectOption("#up-type", "caseStudy");
    await page.getByRole("button", { name: "Upload and classify" }).click();
    await page.waitForSelector("#result .suggestion", { timeout: 180_000 });
    expect(await page.locator("#doc-title").textContent()).toBe(TITLE);
    expect(await page.locator("#result .doc-meta").textContent()).toContain("country ke");
    // Not accepted yet: suggestions are not published as tags.
    expect(await page.locator("#result .current-tags .chip").count()).toBe(0);
    await shot("submit-with-lists");
  }, 240_000);

  it("lists the submitter's documents with their review state", async () => {
    await page.goto(`${server.baseUrl}/#/mine`);
    const row = page.locator("#mine-table tbody tr", { hasText: TITLE });
    await row.waitFor({ timeout: 20_000 });
    expect(Number(await row.locator(".count-pending").textContent())).toBeGreaterThan(0);
    expect(await row.locator(".count-accepted").textContent()).toBe("0");
    await shot("mine");
    await noSerious("my documents");
  }, 60_000);

  it("filters the review queue, accepts a suggestion in bulk and shows the rate and history", async () => {
    await page.goto(`${server.baseUrl}/#/review`);
    const item = page.locator(".queue-item", { hasText: TITLE });
    await item.waitFor({ timeout: 20_000 });
    const pendingBefore = await item.locator(".pending-item").count();
    expect(pendingBefore).toBeGreaterThan(0);

    // Country filter by name: another country empties the queue, Kenya brings the document back.
    await page.selectOption("#rq-country", "fr");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => page.url()).toMatch(/country=fr/);
    await expect.poll(() => page.locator("#review-status").textContent()).toMatch(/Nothing waits/);
    await page.selectOption("#rq-country", "ke");
    await page.fill("#rq-min", "0");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await item.waitFor({ timeout: 20_000 });
    await shot("review-queue");
    await noSerious("review queue");

    const first = item.locator(".pending-item input[type=checkbox]").first();
    const label = (await first.getAttribute("data-label")) ?? "";
    await first.check();
    await page.getByRole("button", { name: "Accept selected" }).click();
    await expect
      .poll(() => page.locator("#bulk-status").textContent(), { timeout: 20_000 })
      .toBe("Accepted 1 suggestion(s).");
    // The decided suggestion left the queue; the rate table and the history show it.
    await expect
      .poll(() => page.locator(`.queue-item input[data-label="${label}"]`).count(), { timeout: 20_000 })
      .toBe(0);
    const rate = page.locator(`#review-stats tr[data-label="${label}"]`);
    await rate.waitFor();
    expect(await rate.locator("td").last().textContent()).toContain("100%");
    expect(await page.locator("#review-history li").first().textContent()).toContain("accepted");
    expect(await page.locator("#review-history li").first().textContent()).toContain(TITLE);
    await shot("review-after-accept");

    // My documents now counts one accepted label.
    await page.goto(`${server.baseUrl}/#/mine`);
    const row = page.locator("#mine-table tbody tr", { hasText: TITLE });
    await expect.poll(() => row.locator(".count-accepted").textContent(), { timeout: 20_000 }).toBe("1");
  }, 120_000);

  it("fits a phone screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const view of ["review", "mine", "submit"]) {
      await page.goto(`${server.baseUrl}/#/${view}`);
      await page.locator(`#view-${view}`).waitFor({ state: "visible" });
      await page.waitForLoadState("networkidle");
      // Six tabs and the queue's filters must wrap, not force sideways scrolling of the page.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${view} overflows at 390px`).toBeLessThanOrEqual(0);
      await shot(`${view}-phone`);
    }
  });

  it("never contacted another host and threw no page errors", () => {
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
