// /docs "Try it out" pre-fills each parameter with its OpenAPI example: an example the API itself
// rejects (400) makes the reference page fail on first use. Every example of every GET query
// parameter must be accepted alone; the page must also render at phone width.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeKit, type Kit } from "./internal/test-kit.ts";

interface Param {
  name: string;
  in: string;
  example?: unknown;
  schema?: { example?: unknown };
}

let kit: Kit;
beforeAll(async () => {
  kit = await makeKit();
});
afterAll(() => kit.cleanup());

describe("/docs Try it out", () => {
  it("accepts the documented example of every query parameter of every GET route", async () => {
    const doc = (await (await kit.app.request("/openapi.json")).json()) as {
      paths: Record<string, { get?: { parameters?: Param[] } }>;
    };
    const rejected: string[] = [];
    let tried = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      if (path.includes("{")) continue;
      for (const p of item.get?.parameters ?? []) {
        const example = p.example ?? p.schema?.example;
        if (p.in !== "query" || example === undefined) continue;
        tried++;
        const res = await kit.app.request(`${path}?${new URLSearchParams({ [p.name]: String(example) })}`);
        if (res.status === 400) rejected.push(`${path} ${p.name}=${example}: ${await res.text()}`);
      }
    }
    expect(tried).toBeGreaterThan(5);
    expect(rejected).toEqual([]);
  });

  it("serves the reference page with a viewport tag, so it is usable on a phone", async () => {
    const html = await (await kit.app.request("/docs")).text();
    expect(html).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1">/);
  });
});
