// The Evaluation view links to /ui/eval-report only when it answers; the route must be reachable
// through the app the server really builds (createApi), not only through a hand-built sub-app.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeEvalOutputs } from "../../eval/index.ts";
import { makeKit, type Kit } from "../internal/test-kit.ts";

describe("GET /ui/eval-report on the real API app", () => {
  let kit: Kit;
  beforeEach(async () => {
    kit = await makeKit();
  });
  afterEach(async () => {
    await kit.cleanup();
  });

  it("serves the latest eval's report from EVAL_DIR, and 404s with a hint before any eval", async () => {
    const none = await kit.app.request("/ui/eval-report");
    expect(none.status).toBe(404);
    expect(await none.text()).toContain("npm run eval");

    await writeEvalOutputs(kit.config.EVAL_DIR, { schemaVersion: 1 } as never, "<!doctype html><p>P@1 0.83</p>");
    const res = await kit.app.request("/ui/eval-report");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("P@1 0.83");
    // The view probes the link with HEAD before showing it.
    expect((await kit.app.request("/ui/eval-report", { method: "HEAD" })).status).toBe(200);
  });
});
