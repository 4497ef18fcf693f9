// Launches Debian's chromium through playwright-core, fully offline. A missing browser is a test
// failure with instructions, not a silent skip; CHM_SKIP_BROWSER=1 is the explicit opt-out.
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/** True only when the caller asked to skip the browser test explicitly. */
export const skipBrowser = process.env.CHM_SKIP_BROWSER === "1";

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}, so the browser end-to-end test cannot run. ` +
        "Install it with scripts/ensure-system-deps.sh (apt-get install -y chromium), " +
        "or set CHM_SKIP_BROWSER=1 to skip this test on purpose.",
    );
  }
}

export interface OfflineBrowser {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<OfflineBrowser> {
  assertChromium();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
    // playwright gives each launch a fresh temporary profile of its own.
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return {
    browser,
    context,
    async close() {
      await browser.close();
    },
  };
}

/** Hosts a request may go to: the test server only. */
export function isLocal(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return true;
  const { hostname } = new URL(url);
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}
