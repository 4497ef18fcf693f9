// Browser end-to-end for the coverage map and matchmaking: the real server and Debian's Chromium,
// fully offline. Documents from three countries go in through the API; the Coverage view must draw
// the map from the server's outlines, colour the countries, show gaps, and open a cell's evidence;
// a need uploaded in the Submit view must show its matching offer.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLocal, skipBrowser } from "./e2e/browser.ts";
import { uploadFile, waitForJob } from "./e2e/ingest.ts";
import type { RunningServer } from "./e2e/server.ts";
import { type BrowserSession, openBrowserSession } from "./e2e/session.ts";

const SHOTS = "test-output/e2e";
const KEY = "e2e-coverage-key";

const DOCS = [
  {
    title: "Kenya marine protected areas",
    country: "ke",
    text: "Kenya expanded its network of marine protected areas and community conservancies to conserve 30 per cent of its coastal and marine areas, with effective management plans for each reserve.",
  },
  {
    title: "France invasive species plan",
    country: "fr",
    text: "France adopted a national strategy to prevent the introduction of invasive alien species, with early detection, rapid response and eradication programmes on its islands.",
  },
  {
    title: "Brazil protected areas report",
    country: "br",
    text: "Brazil reports that protected areas and indigenous territories now conserve a large share of the Amazon, and that the management effectiveness of conservation units is assessed every two years.",
  },
  {
    title: "Offer: marine protected area management courses",
    country: "tz",
    recordType: "bbiProfile",
    text: "Our institute offers training courses on the planning and effective management of marine protected areas, including monitoring of coral reefs and seagrass.",
  },
];

async function ingestDoc(server: RunningServer, d: (typeof DOCS)[number]): Promise<void> {
  const file = new File([d.text], `${d.title.replace(/\W+/g, "-")}.txt`, { type: "text/plain" });
  const fields = { title: d.title, country: d.country, ...(d.recordType ? { recordType: d.recordType } : {}) };
  await waitForJob(server.baseUrl, await uploadFile(server.baseUrl, KEY, file, fields), { pollMs: 250, maxPolls: 600 });
}

describe.skipIf(skipBrowser)("coverage map and matches in a real browser", () => {
  let session: BrowserSession;
  let server: RunningServer;
  let page: Page;
  let requests: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    session = await openBrowserSession(SHOTS, KEY, { pageTimeoutMs: 20_000 });
    ({ server, page, requests, pageErrors } = session);
    for (const d of DOCS) await ingestDoc(server, d);
  }, 600_000);

  afterAll(async () => session?.close());

  it("draws the world map offline, coloured by documents on the chosen target, with gaps marked", async () => {
    await page.goto(`${server.baseUrl}/#/coverage?target=GBF-TARGET-03`);
    await page.waitForSelector(".coverage-map svg path");
    expect(await page.locator(".coverage-map svg path").count()).toBeGreaterThan(150);
    // Kenya and Brazil report on protected areas (T3); France's document is about invasive species.
    const fill = (code: string) => page.locator(`.coverage-map path[data-code="${code}"]`).getAttribute("fill");
    expect(await fill("ke")).toMatch(/^rgba\(46, 139, 87/);
    expect(await fill("br")).toMatch(/^rgba\(46, 139, 87/);
    expect(await fill("fr")).toBe("var(--gap, #f3d6c6)");
    expect(await fill("de")).toBe("#e6e6e6");
    expect(await page.locator('.coverage-map path[data-code="fr"] title').textContent()).toMatch(
      /France: documents, but none addresses T3/,
    );
    await session.shot("coverage-map");
  });

  it("lists a cell's documents with the passage that justifies the tag, and says so for a gap", async () => {
    await page.getByRole("button", { name: "1 document(s) from Kenya address T3" }).click();
    await expect.poll(() => page.locator("#coverage-cell-heading").textContent()).toBe("Kenya · T3");
    expect(await page.locator(".cell-detail li strong").first().textContent()).toBe("Kenya marine protected areas");
    expect((await page.locator(".cell-detail blockquote mark").first().textContent())?.length).toBeGreaterThan(10);
    await page.getByRole("button", { name: "No document from France addresses T3" }).click();
    await expect.poll(() => page.locator(".cell-detail .gap-note").textContent()).toMatch(/No document from France/);
    await session.shot("coverage-cell");
  });

  it("shows a need's matching offer on its document", async () => {
    await page.goto(`${server.baseUrl}/#/submit`);
    await page.locator(".settings summary").click();
    await page.fill("#api-key", KEY);
    await page.getByRole("button", { name: "Save key" }).click();
    const file = join(tmpdir(), "need-mpa.txt");
    writeFileSync(
      file,
      "Request for assistance: our fisheries department needs training to manage its new marine protected areas and monitor coral reefs.",
    );
    await page.setInputFiles("#up-file", file);
    await page.fill("#up-title", "Need: managing marine protected areas");
    await page.fill("#up-country", "ke");
    await page.selectOption("#up-type", "bbiRequest");
    await page.getByRole("button", { name: "Upload and classify" }).click();
    await page.waitForSelector(".matches-panel li", { timeout: 120_000 });
    expect(await page.locator(".matches-panel li strong").first().textContent()).toBe(
      "Offer: marine protected area management courses",
    );
    await session.shot("matches");
  });

  it("made no request to any host but the local server, and threw no script errors", () => {
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
