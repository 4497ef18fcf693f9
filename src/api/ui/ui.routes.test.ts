import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { writeEvalOutputs } from "../../eval/index.ts";
import { createUiRoutes, registerUi } from "./ui.routes.ts";

function app() {
  const a = new Hono();
  a.get("/v1/ping", (c) => c.json({ ok: true }));
  registerUi(a);
  return a;
}

describe("web UI routes", () => {
  it("serves the page at / with a CSP that forbids other origins", async () => {
    const res = await app().request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain('<script type="module" src="/ui/app.js">');
    // No asset may come from another host: the UI must work offline.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("serves every script the page imports, as JavaScript", async () => {
    const a = app();
    for (const name of [
      "app.js",
      "api.js",
      "dom.js",
      "submit.js",
      "search.js",
      "eval.js",
      "eval-checks.js",
      "charts.js",
      "chart-svg.js",
      "labels.js",
      "review.js",
    ]) {
      const res = await a.request(`/ui/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get("content-type"), name).toMatch(/text\/javascript/);
      const body = await res.text();
      for (const m of body.matchAll(/from "\.\/([\w-]+\.js)"/g)) {
        expect((await a.request(`/ui/${m[1]}`)).status, `${name} imports ${m[1]}`).toBe(200);
      }
      expect(body, name).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    }
    expect((await a.request("/ui/styles.css")).headers.get("content-type")).toMatch(/text\/css/);
    // The eval report (server) imports chart-svg.js too: it must stay free of imports and the DOM.
    const charts = await (await a.request("/ui/chart-svg.js")).text();
    expect(charts).not.toMatch(/^\s*import\b|\bdocument\.|\bwindow\./m);
  });

  it("refuses the TypeScript sources, unknown files and path tricks", async () => {
    const a = app();
    for (const path of [
      "/ui/ui.routes.ts",
      "/ui/ui.routes.test.ts",
      "/ui/nope.js",
      "/ui/..%2Fapp.ts",
      "/ui/%2e%2e%2fpackage.json",
      "/ui/.hidden.js",
    ]) {
      expect((await a.request(path)).status, path).toBe(404);
    }
  });

  it("leaves the API routes alone", async () => {
    const res = await app().request("/v1/ping");
    expect(await res.json()).toEqual({ ok: true });
  });

  it("can be mounted as a sub-app", async () => {
    const a = new Hono().route("/", createUiRoutes({ cache: false }));
    expect((await a.request("/ui/favicon.svg")).headers.get("content-type")).toBe("image/svg+xml");
  });
});

describe("eval report route", () => {
  it("serves the latest eval's own HTML report, and says how to make one when there is none", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chm-ui-eval-"));
    try {
      const a = new Hono().route("/", createUiRoutes({ evalDir: dir }));
      const none = await a.request("/ui/eval-report");
      expect(none.status).toBe(404);
      expect(await none.text()).toContain("npm run eval");
      await writeEvalOutputs(dir, { schemaVersion: 1 } as never, "<!doctype html><title>report</title><p>P@1 0.61</p>");
      const res = await a.request("/ui/eval-report");
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("P@1 0.61");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
