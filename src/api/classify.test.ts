import { afterEach, describe, expect, it } from "vitest";
import { makeKit, postJson, type Kit } from "./internal/test-kit.ts";

let kit: Kit;
afterEach(async () => kit?.cleanup());

describe("POST /v1/classify", () => {
  it("suggests labels with evidence for JSON text and stores nothing", async () => {
    kit = await makeKit();
    const res = await postJson(kit.app, "/v1/classify", {
      text: "Restoring degraded coral reef areas",
      language: "en",
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.suggestions.map((s: any) => s.id).sort()).toEqual(["GBF-TARGET-02", "GBF-TARGET-03"]);
    expect(body.suggestions[0].evidence[0]).toHaveProperty("text");
    expect(body.suggestions.find((s: any) => s.id === "GBF-TARGET-02").label).toContain("GBF-T02");
    expect(await kit.store.documents.count()).toBe(0);
  });

  it("classifies an uploaded file after extracting it", async () => {
    kit = await makeKit();
    const form = new FormData();
    form.set("file", new File(["<html><body><p>Marine protected areas along the coast.</p></body></html>"], "a.html"));
    const res = await kit.app.request("/v1/classify", { method: "POST", body: form });
    expect(res.status).toBe(200);
    expect((await res.json()).suggestions.map((s: any) => s.id)).toContain("GBF-TARGET-03");
  });

  it("answers 400 for a missing text, 413 past MAX_BODY_MB, 415 for other media types", async () => {
    kit = await makeKit({ config: { MAX_BODY_MB: 0.001 } });
    const missing = await postJson(kit.app, "/v1/classify", { language: "en" });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.code).toBe("validation_failed");
    const big = await postJson(kit.app, "/v1/classify", { text: "reef ".repeat(1000) });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("too_large");
    const xml = await kit.app.request("/v1/classify", {
      method: "POST",
      body: "<a/>",
      headers: { "Content-Type": "application/xml" },
    });
    expect(xml.status).toBe(415);
    expect((await xml.json()).error.code).toBe("unsupported_media_type");
    const broken = await kit.app.request("/v1/classify", {
      method: "POST",
      body: "{nope",
      headers: { "Content-Type": "application/json" },
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe("bad_request");
  });

  it("answers 503 model_unavailable while no classifier is loaded", async () => {
    kit = await makeKit({ classifier: null });
    const res = await postJson(kit.app, "/v1/classify", { text: "coral reefs" });
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("model_unavailable");
  });
});
