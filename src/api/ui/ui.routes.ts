import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import type { Context } from "hono";
import { EVAL_SPACES, readLatestCheck, readLatestEval } from "../../eval/index.ts";
import { ownPagesCsp } from "../internal/csp.ts";

const UI_DIR = fileURLToPath(new URL(".", import.meta.url));

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  svg: "image/svg+xml",
};

// Only the UI's own origin: no CDN, no inline script, no framing. Widths of bars are set
// through CSSOM (el.style), which `style-src 'self'` allows.
const CSP = ownPagesCsp();

// pdf.js renders a document's pages in the browser (the document page): its browser build and
// worker are served from the installed package, so the page needs no CDN and no bundler.
const require = createRequire(import.meta.url);
const VENDOR: Record<string, string> = {
  "pdf.mjs": "pdfjs-dist/build/pdf.min.mjs",
  "pdf.worker.mjs": "pdfjs-dist/build/pdf.worker.min.mjs",
};

const ASSET_NAME = /^[a-z0-9][a-z0-9-]*\.(html|css|js|svg)$/;

export interface UiOptions {
  /** Folder with index.html and the assets; defaults to this file's folder. */
  dir?: string;
  /** Keep file contents in memory after the first read (off while editing the UI). */
  cache?: boolean;
  /**
   * Folder of the latest eval run (config.EVAL_DIR). When set, `GET /ui/eval-report` serves the
   * eval's own full HTML report (the Evaluation view links to it).
   */
  evalDir?: string;
}

// The eval report is one self-contained page with inline CSS and SVG and no scripts.
const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'";

/**
 * The web UI as a sub-app: `GET /` serves the page, `GET /ui/<file>` its CSS/JS/SVG.
 * Only plain files of this folder whose names match a strict pattern are served, so a
 * request can never reach the `.ts` sources or walk out of the folder.
 *
 * @example app.route("/", createUiRoutes());
 */
export function createUiRoutes(options: UiOptions = {}): Hono {
  const dir = options.dir ?? UI_DIR;
  const cache = new Map<string, Uint8Array>();
  let names: Promise<Set<string>> | undefined;

  const listAssets = () => {
    names ??= readdir(dir).then((files) => new Set(files.filter((f) => ASSET_NAME.test(f))));
    return names;
  };

  const send = async (c: Context, name: string) => {
    if (!(await listAssets()).has(name)) return c.notFound();
    let bytes = cache.get(name);
    if (!bytes) {
      bytes = new Uint8Array(await readFile(`${dir}/${name}`));
      if (options.cache ?? true) cache.set(name, bytes);
    }
    const ext = name.slice(name.lastIndexOf(".") + 1);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": TYPES[ext] ?? "application/octet-stream",
      "Content-Security-Policy": CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      // Assets are small and change with deploys; revalidating keeps a new UI from mixing with old JS.
      "Cache-Control": "no-cache",
    });
  };

  const vendor = new Map<string, Promise<Uint8Array>>();
  const sendVendor = async (c: Context, name: string) => {
    const spec = Object.hasOwn(VENDOR, name) ? VENDOR[name] : undefined;
    if (!spec) return c.notFound();
    let bytes = vendor.get(name);
    if (!bytes) {
      bytes = readFile(require.resolve(spec)).then((b) => new Uint8Array(b));
      vendor.set(name, bytes);
    }
    return c.body((await bytes) as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": TYPES.js!,
      "Content-Security-Policy": CSP,
      "X-Content-Type-Options": "nosniff",
      // Named by the installed package, not by version: revalidate so an upgrade is picked up.
      "Cache-Control": "no-cache",
    });
  };

  const ui = new Hono();
  ui.get("/ui/vendor/:name", (c) => sendVendor(c, c.req.param("name")));
  ui.get("/", (c) => send(c, "index.html"));
  ui.get("/index.html", (c) => send(c, "index.html"));
  if (options.evalDir) {
    const evalDir = options.evalDir;
    // Registered before /ui/:name so the report is not looked up as a static file.
    ui.get("/ui/eval-report", async (c) => {
      const space = EVAL_SPACES.find((s) => s === c.req.query("space"));
      const check = c.req.query("check");
      const latest = check !== undefined ? await readLatestCheck(evalDir, check) : await readLatestEval(evalDir, space);
      if (!latest) return c.text("No evaluation yet: run `npm run eval`, then reload.", 404);
      return c.html(latest.reportHtml, 200, {
        "Content-Security-Policy": REPORT_CSP,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
      });
    });
  }
  ui.get("/ui/:name", (c) => send(c, c.req.param("name")));
  return ui;
}

/**
 * Mounts the UI on an app at `/` (page) and `/ui/*` (assets). Register it after the API
 * routes so `/v1/*` keeps its own handlers and error envelope.
 */
export function registerUi(app: { route(path: string, routes: Hono): unknown }, options: UiOptions = {}): void {
  app.route("/", createUiRoutes(options));
}
