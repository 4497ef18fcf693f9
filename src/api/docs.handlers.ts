import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "../errors.ts";
import type { ApiApp } from "./types.ts";
import { ownPagesCsp } from "./internal/csp.ts";

const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui-standalone-preset.js": "text/javascript; charset=utf-8",
};

// The init script is its own file so the page works under a strict script-src 'self'. BaseLayout
// (no top bar) and no deep links: axe-core found the top bar's URL box without a label and the
// deep-link anchors nested inside each operation's button.
const INIT_JS = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: false,
    presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout" });
});`;

// Swagger UI's default colours put white text on light method badges (2.5:1) and light green text
// on white; these overrides reach WCAG AA contrast.
const A11Y_CSS = `.swagger-ui .opblock .opblock-summary-method { color: #000; text-shadow: none; }
.swagger-ui .info .title small pre, .swagger-ui .info .title small.version-stamp pre { color: #000; }
.swagger-ui .info .title small.version-stamp { background: #cfe8a0; }
.swagger-ui .info .url, .swagger-ui .info a, .swagger-ui .info .link { color: #1a4f8b; }
.swagger-ui .btn.authorize { color: #1b6e46; border-color: #1b6e46; }
.swagger-ui .btn.authorize svg { fill: #1b6e46; }
.swagger-ui .btn > span { color: inherit; }
`;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>chm-lens API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<link rel="stylesheet" href="/docs/assets/a11y.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script></body></html>`;

/**
 * The reference page may load scripts, styles and data only from this host (its init script is a
 * file, not inline). Styles allow inline attributes, which Swagger UI sets; images allow `data:`
 * icons. No framing, no plugins, no base-URI or form redirection.
 */
export const DOCS_CSP = ownPagesCsp({ inlineStyles: true });

export const docsRoute = createRoute({
  method: "get",
  path: "/docs",
  tags: ["ops"],
  summary: "Interactive API reference (Swagger UI served locally, no external requests)",
  responses: { 200: { description: "HTML page", content: { "text/html": { schema: z.string() } } } },
});

const assetRoute = createRoute({
  method: "get",
  path: "/docs/assets/{file}",
  hide: true,
  request: { params: z.object({ file: z.string() }) },
  responses: { 200: { description: "Swagger UI asset" } },
});

/** `/docs` and its assets, read from the installed `swagger-ui-dist` (cached after first read). */
export function registerDocs(app: ApiApp): void {
  const dir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();

  app.openapi(docsRoute, (c) => c.html(PAGE, 200, { "Content-Security-Policy": DOCS_CSP }));

  app.openapi(assetRoute, async (c) => {
    const { file } = c.req.valid("param");
    if (file === "init.js") return c.body(INIT_JS, 200, { "content-type": "text/javascript; charset=utf-8" });
    if (file === "a11y.css") return c.body(A11Y_CSS, 200, { "content-type": "text/css; charset=utf-8" });
    const type = ASSETS[file];
    if (!type) throw new AppError("not_found", `No asset ${file}`);
    let bytes = cache.get(file);
    if (!bytes) {
      bytes = new Uint8Array(await readFile(join(dir, file)));
      cache.set(file, bytes);
    }
    return c.body(bytes, 200, { "content-type": type, "cache-control": "public, max-age=86400" });
  });
}
