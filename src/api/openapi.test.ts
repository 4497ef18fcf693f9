import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeKit, type Kit } from "./internal/test-kit.ts";

let kit: Kit;
let spec: any;
beforeAll(async () => {
  kit = await makeKit();
  spec = await (await kit.app.request("/openapi.json")).json();
});
afterAll(async () => kit.cleanup());

const operations = () =>
  Object.entries(spec.paths).flatMap(([path, ops]: [string, any]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
  );

describe("/openapi.json", () => {
  it("lists every route (snapshot of the path list)", () => {
    expect(operations().sort()).toMatchInlineSnapshot(`
      [
        "DELETE /v1/documents/{id}",
        "GET /docs",
        "GET /health",
        "GET /ready",
        "GET /v1/coverage",
        "GET /v1/coverage/countries/{country}/summary",
        "GET /v1/coverage/map",
        "GET /v1/documents",
        "GET /v1/documents/{id}",
        "GET /v1/documents/{id}/file",
        "GET /v1/documents/{id}/similar",
        "GET /v1/documents/{id}/text",
        "GET /v1/eval/checks",
        "GET /v1/eval/latest",
        "GET /v1/jobs/{id}",
        "GET /v1/matches",
        "GET /v1/review/auto-accept",
        "GET /v1/review/history",
        "GET /v1/review/queue",
        "GET /v1/review/stats",
        "GET /v1/search",
        "GET /v1/submissions/mine",
        "GET /v1/submissions/options",
        "GET /v1/vocabularies",
        "GET /v1/vocabularies/{domain}",
        "POST /v1/classify",
        "POST /v1/documents",
        "POST /v1/documents/{id}/tags",
        "POST /v1/review/bulk",
        "PUT /v1/review/auto-accept",
      ]
    `);
  });

  it("declares the error envelope on every /v1 route, including 429", () => {
    for (const [path, ops] of Object.entries(spec.paths) as [string, any][]) {
      if (!path.startsWith("/v1/")) continue;
      for (const [method, op] of Object.entries(ops) as [string, any][]) {
        expect(op.responses["429"], `${method} ${path}`).toBeDefined();
        expect(op.responses["429"].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
      }
    }
  });

  it("marks write routes with bearer security", () => {
    expect(spec.components.securitySchemes.Bearer).toEqual({ type: "http", scheme: "bearer" });
    expect(spec.paths["/v1/documents"].post.security).toEqual([{ Bearer: [] }]);
    expect(spec.paths["/v1/documents/{id}"].delete.security).toEqual([{ Bearer: [] }]);
  });
});
