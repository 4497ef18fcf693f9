// One browser, one server and one page per browser test file, with the page's requests and script
// errors recorded and screenshots kept under test-output/<name>/ (what every e2e file set up itself).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser, type OfflineBrowser } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

export interface BrowserSession {
  server: RunningServer;
  chrome: OfflineBrowser;
  page: Page;
  requests: string[];
  pageErrors: string[];
  shot(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** The page's default timeout for waits and clicks; views that render a PDF need longer. */
  pageTimeoutMs?: number;
}

/**
 * Opens the browser and the server for one test file.
 * @example
 * session = await openBrowserSession("test-output/e2e-search", API_KEY, { pageTimeoutMs: 20_000 });
 */
export async function openBrowserSession(
  shotsDir: string,
  apiKey: string,
  opts: SessionOptions = {},
): Promise<BrowserSession> {
  mkdirSync(shotsDir, { recursive: true });
  const chrome = await launchBrowser();
  let server: RunningServer;
  try {
    server = await startServer(apiKey);
  } catch (e) {
    // No session is returned, so afterAll could not close the browser.
    await chrome.close();
    throw e;
  }
  const page = await chrome.context.newPage();
  page.setDefaultTimeout(opts.pageTimeoutMs ?? 15_000);
  const requests: string[] = [];
  const pageErrors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => pageErrors.push(e.message));
  return {
    server,
    chrome,
    page,
    requests,
    pageErrors,
    shot: (name) => page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true }),
    async close() {
      await chrome.close();
      await server.close();
    },
  };
}
