// Browser end-to-end for "open what you found": a search hit and a suggestion's evidence lead to
// the document page, which renders the PDF page with pdf.js and highlights the passage (or marks
// it in the text of other files) and offers the original file; axe-core checks every view.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Classifier, deferClassifier, readyClassifier, trackProgress } from "../src/classify/index.ts";
import { seriousViolations } from "./e2e/axe.ts";
import { isLocal, skipBrowser } from "./e2e/browser.ts";
import { ingestFile } from "./e2e/ingest.ts";
import { type RunningServer, startServer } from "./e2e/server.ts";
import { type BrowserSession, openBrowserSession } from "./e2e/session.ts";

const SHOTS = "test-output/e2e-document";
const API_KEY = "e2e-document-key";
const PDF = "corpora/samples/gbf-section-1-multipage.pdf";
const MARKDOWN = "corpora/samples/biodiversity-finance-plan.md";

interface Evidence {
  page?: number;
  text: string;
}
interface Detail {
  id: string;
  suggestions: { id: string; decision: string; evidence: Evidence[] }[];
}

describe.skipIf(skipBrowser)("the document page in a real browser", () => {
  let session: BrowserSession;
  let server: RunningServer;
  let page: Page;
  let requests: string[];
  let pageErrors: string[];
  let pdfId: string;
  let mdId: string;

  const detail = async (id: string) => (await (await fetch(`${server.baseUrl}/v1/documents/${id}`)).json()) as Detail;
  const shot = (name: string) => session.shot(name);
  const noSerious = async (view: string) => expect(await seriousViolations(page), view).toEqual([]);

  beforeAll(async () => {
    session = await openBrowserSession(SHOTS, API_KEY, { pageTimeoutMs: 20_000 });
    ({ server, page, requests, pageErrors } = session);
    pdfId = await ingestFile(server.baseUrl, API_KEY, PDF, "application/pdf");
    mdId = await ingestFile(server.baseUrl, API_KEY, MARKDOWN, "text/markdown");
    await server.services.store.optimize();
  }, 420_000);

  afterAll(async () => session?.close());

  it("renders the evidence's PDF page with pdf.js and highlights the passage", async () => {
    const doc = await detail(pdfId);
    const ev = doc.suggestions.flatMap((s) => s.evidence).find((e) => e.page && e.page > 1 && e.text.length > 40);
    expect(ev, "a suggestion with evidence past page 1").toBeDefined();
    const href = `#/documents/${pdfId}?page=${ev!.page}&passage=${encodeURIComponent(ev!.text)}`;
    await page.goto(`${server.baseUrl}/${href}`);
    await page.locator(".pdf-page canvas").waitFor();
    await expect.poll(() => page.locator(".pdf-nav .page-no").textContent()).toBe(`Page ${ev!.page} of 5`);
    await expect.poll(() => page.locator(".textLayer .passage-hl").count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const marked = (await page.locator(".textLayer .passage-hl").allTextContents()).join(" ").replace(/\s+/g, "");
    expect(ev!.text.replace(/\s+/g, "")).toContain(marked.slice(0, 20));
    // The original bytes are one click away.
    const file = await page.locator("a", { hasText: "Download the original file" }).getAttribute("href");
    const res = await fetch(`${server.baseUrl}${file}`);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(PDF))).toBe(true);
    await shot("document-pdf");
    await noSerious("document page (PDF)");
  }, 120_000);

  it("opens the page of a #page=N link, and marks the passage in the text of a non-PDF file", async () => {
    await page.goto(`${server.baseUrl}/#/documents/${pdfId}#page=3`);
    await expect.poll(() => page.locator(".pdf-nav .page-no").textContent()).toBe("Page 3 of 5");

    const doc = await detail(mdId);
    const ev = doc.suggestions.flatMap((s) => s.evidence).find((e) => e.text.length > 40)!;
    await page.goto(
      `${server.baseUrl}/#/documents/${mdId}?page=${ev.page ?? 1}&passage=${encodeURIComponent(ev.text)}`,
    );
    await page.locator("mark.passage-hl").waitFor();
    expect((await page.locator("mark.passage-hl").textContent())?.replace(/\s+/g, " ")).toBe(
      ev.text.replace(/\s+/g, " "),
    );
    await shot("document-text");
  }, 60_000);

  it("links each search hit and its passages to the document page, and suggestions' evidence too", async () => {
    await page.goto(`${server.baseUrl}/#/search?q=${encodeURIComponent("protected areas")}`);
    const hit = page.locator(`.hit[data-document-id="${pdfId}"]`);
    await hit.waitFor({ timeout: 30_000 });
    const pageLink = hit.locator(".passages a.page").first();
    expect(await pageLink.getAttribute("href")).toMatch(new RegExp(`^#/documents/${pdfId}\\?page=[1-5]&passage=`));
    await shot("search-links");
    await noSerious("search");
    await hit.locator("h3 a").click();
    await expect.poll(() => page.url()).toContain(`#/documents/${pdfId}`);
    await page.locator(".pdf-page canvas").waitFor();
    await expect.poll(() => page.locator("#document-heading").textContent()).not.toBe("Document");

    const evidence = page.locator(".doc-suggestions .evidence").first();
    await evidence.locator("summary").click();
    const open = evidence.locator("a.evidence-open").first();
    expect(await open.getAttribute("href")).toMatch(new RegExp(`^#/documents/${pdfId}\\?page=[1-5]&passage=`));
    await open.click();
    await expect.poll(() => page.locator(".textLayer .passage-hl").count(), { timeout: 20_000 }).toBeGreaterThan(0);
  }, 90_000);

  it("has no serious or critical axe violations on any view, /docs included", async () => {
    for (const view of ["submit", "coverage", "eval"]) {
      await page.goto(`${server.baseUrl}/#/${view}`);
      await page.locator(`#${view}-heading`).waitFor();
      await page.waitForLoadState("networkidle");
      await shot(`axe-${view}`);
      await noSerious(view);
    }
    await page.goto(`${server.baseUrl}/docs`);
    await page.locator(".swagger-ui .info").waitFor();
    await page.locator(".opblock").first().waitFor();
    await shot("axe-docs");
    await noSerious("/docs");
  }, 120_000);

  it("says why it waits while the classifier trains on first start, with progress, until it is ready", async () => {
    // A second, small server whose classifier is still "training": the trainer's reports are fed
    // to it by hand (the trainer's own reporting is tested in src/classify/progress.test.ts).
    const progress = trackProgress();
    let finish!: (c: Classifier | undefined) => void;
    const loading = deferClassifier(
      "training",
      new Promise<Classifier | undefined>((r) => (finish = r)),
      progress.current,
    );
    const first = await startServer(API_KEY, { classifier: loading });
    try {
      progress.report({ stage: "examples", done: 256, total: 2100 });
      await page.goto(`${first.baseUrl}/#/submit`);
      const banner = page.locator("#ready-banner");
      await expect.poll(() => banner.textContent()).toMatch(/training on first start.*256 of 2100 \(12 %\)/);
      progress.report({ stage: "examples", done: 1024, total: 2100 });
      await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toMatch(/1024 of 2100 \(48 %\)/);
      await shot("first-start-banner");
      await noSerious("first-start banner");
      finish(readyClassifier(server.services.classifier));
      await expect.poll(() => banner.isHidden(), { timeout: 10_000 }).toBe(true);
    } finally {
      finish(undefined);
      await first.close();
    }
  }, 120_000);

  it("never contacts another host and raises no page errors", () => {
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
