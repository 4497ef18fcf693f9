// The document page renders PDFs with pdf.js, served from the installed pdfjs-dist: only the two
// named files, under the page's CSP, never another file of node_modules.
import { describe, expect, it } from "vitest";
import { createUiRoutes } from "./ui.routes.ts";

describe("GET /ui/vendor/:name", () => {
  it("serves pdf.js and its worker as JavaScript under the page's CSP", async () => {
    const ui = createUiRoutes();
    for (const name of ["pdf.mjs", "pdf.worker.mjs"]) {
      const res = await ui.request(`/ui/vendor/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect((await res.text()).length).toBeGreaterThan(10_000);
    }
  });

  it("serves nothing else from node_modules", async () => {
    const ui = createUiRoutes();
    for (const path of ["/ui/vendor/package.json", "/ui/vendor/..%2F..%2Fpackage.json", "/ui/vendor/constructor"]) {
      expect((await ui.request(path)).status, path).toBe(404);
    }
  });
});
