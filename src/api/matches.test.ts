import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingest, type Kit, makeKit } from "./internal/test-kit.ts";

let kit: Kit;
const ids = new Map<string, string>();

async function add(title: string, text: string, fields: Record<string, string>) {
  ids.set(title, await ingest(kit, text, { title, ...fields }));
}

describe("GET /v1/matches", () => {
  beforeEach(async () => {
    kit = await makeKit();
    await add("Need: reef monitoring", "We need training to monitor coral reef health in our marine protected areas.", {
      recordType: "bbiRequest",
      country: "ke",
    });
    await add("Need: park design", "Our city needs advice on designing parks and green corridors.", {
      recordType: "bbiRequest",
      country: "vn",
    });
    await add("Offer: reef courses", "Courses on coral reef monitoring and marine protected area management.", {
      recordType: "bbiProfile",
      country: "tz",
    });
    await add("Offer: urban ecology", "Advice for cities on parks, green corridors and urban nature.", {
      recordType: "bbiOpportunity",
    });
    await add("Report", "A national report on coral reef restoration.", {
      recordType: "nationalReport",
      country: "ke",
    });
  });
  afterEach(() => kit.cleanup());

  it("ranks offers for a need with the reason: shared targets, place, the closest passages", async () => {
    const res = await kit.app.request(`/v1/matches?documentId=${ids.get("Need: reef monitoring")}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.document).toMatchObject({ role: "need", recordType: "bbiRequest" });
    expect(body.counterpartTypes).toEqual(["bbiOpportunity", "bbiProfile"]);
    const titles = body.matches.map((m: any) => m.document.title);
    expect(titles[0]).toBe("Offer: reef courses");
    // Only offers: never the other need or the report.
    expect(titles).not.toContain("Need: park design");
    expect(titles).not.toContain("Report");
    const top = body.matches[0];
    expect(top.reason.sharedTargets.map((t: any) => t.id)).toContain("GBF-TARGET-03");
    expect(top.reason.place).toBe("same sub-region (Eastern Africa)");
    expect(top.reason.passages.theirs.text).toMatch(/coral reef/);
    expect(top.score).toBeGreaterThan(body.matches[1].score);
    expect(body.scoring).toMatch(/semantic/);
  });

  it("matches an offer back to needs, a global offer fitting any place", async () => {
    const body = await (await kit.app.request(`/v1/matches?documentId=${ids.get("Offer: urban ecology")}`)).json();
    expect(body.document.role).toBe("offer");
    expect(body.matches[0].document.title).toBe("Need: park design");
    expect(body.matches[0].reason.place).toBe("global offer");
  });

  it("says why a document can't be matched, and 404s an unknown one", async () => {
    const bad = await kit.app.request(`/v1/matches?documentId=${ids.get("Report")}`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/nationalReport.*only needs \(bbiRequest\)/);
    const missing = await kit.app.request("/v1/matches?documentId=nope");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    expect((await kit.app.request("/v1/matches")).status).toBe(400);
  });
});
