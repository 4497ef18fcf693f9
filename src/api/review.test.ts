import { afterEach, describe, expect, it } from "vitest";
import { bearer, ingest, makeKit, postJson, type Kit } from "./internal/test-kit.ts";

const REEF = "Coral reef protected areas cover the lagoon. Marine monitoring shows bleaching.";
const FOREST = "Restoration of degraded forest land along the river, with native trees.";
const KEYS = "alice:ka:submitter,bob:kb:submitter,sec:ks:secretariat";
const ALICE = bearer("ka");
const BOB = bearer("kb");
const SEC = bearer("ks");

let kit: Kit;
afterEach(async () => kit?.cleanup());

async function setup() {
  kit = await makeKit({ config: { CHM_API_KEYS: KEYS } });
  const reef = await ingest(kit, REEF, { title: "Reef plan", country: "fj" }, ALICE);
  const forest = await ingest(kit, FOREST, { title: "Forest plan", country: "ke" }, BOB);
  return { reef, forest };
}

const get = async (path: string, headers = SEC) => {
  const res = await kit.app.request(path, { headers });
  return { status: res.status, body: (await res.json()) as any };
};
const put = (path: string, body: unknown, headers = SEC) =>
  kit.app.request(path, {
    method: "PUT",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", ...headers },
  });

describe("suggestions are not tags until accepted", () => {
  it("keeps an upload's suggestions out of its tags, facets and filters; accepting publishes them", async () => {
    const { reef } = await setup();
    const doc = (await get(`/v1/documents/${reef}`)).body;
    expect(doc.suggestions.map((s: any) => s.id)).toContain("GBF-TARGET-03");
    expect(doc.tags).toEqual({ targets: [], goals: [], subjects: [], sdgs: [] });
    expect((await get("/v1/documents?target=GBF-TARGET-03")).body.documents).toEqual([]);

    const res = await postJson(
      kit.app,
      `/v1/documents/${reef}/tags`,
      {
        actions: [{ labelId: "GBF-TARGET-03", action: "accept" }],
      },
      ALICE,
    );
    expect(res.status).toBe(200);
    const listed = (await get("/v1/documents?target=GBF-TARGET-03")).body.documents;
    expect(listed.map((d: any) => d.id)).toEqual([reef]);
  });

  it("publishes suggestions at or above a label's auto-accept threshold, now and retroactively", async () => {
    const { reef } = await setup();
    expect((await get("/v1/review/auto-accept")).body).toEqual({ thresholds: {} });
    const bad = await put("/v1/review/auto-accept", { thresholds: { "NOPE-1": 0.5, "GBF-TARGET-03": 0.5 } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.message).toContain("NOPE-1");
    expect((await put("/v1/review/auto-accept", { thresholds: { "CBD-SUBJECT-MAR": 2 } }, SEC)).status).toBe(400);
    expect((await put("/v1/review/auto-accept", { thresholds: { "CBD-SUBJECT-MAR": 0.5 } }, ALICE)).status).toBe(403);

    const ok = await put("/v1/review/auto-accept", { thresholds: { "CBD-SUBJECT-MAR": 0.5 } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ thresholds: { "CBD-SUBJECT-MAR": 0.5 }, updated: 1 });
    expect((await get(`/v1/documents/${reef}`)).body.tags.subjects).toEqual(["CBD-SUBJECT-MAR"]);
    // Classification time: a new upload gets the auto-accepted label at once, targets stay pending.
    const later = await ingest(kit, "Marine turtles nest on the sea shore.", { title: "Turtles" }, ALICE);
    expect((await get(`/v1/documents/${later}`)).body.tags).toMatchObject({
      subjects: ["CBD-SUBJECT-MAR"],
      targets: [],
    });
    // A threshold above the score unpublishes again, unless a reviewer accepted the label.
    await postJson(
      kit.app,
      `/v1/documents/${later}/tags`,
      { actions: [{ labelId: "CBD-SUBJECT-MAR", action: "accept" }] },
      SEC,
    );
    const raised = await put("/v1/review/auto-accept", { thresholds: { "CBD-SUBJECT-MAR": 0.95 } });
    expect(((await raised.json()) as any).updated).toBe(1);
    expect((await get(`/v1/documents/${reef}`)).body.tags.subjects).toEqual([]);
    expect((await get(`/v1/documents/${later}`)).body.tags.subjects).toEqual(["CBD-SUBJECT-MAR"]);
  });
});

describe("review queue", () => {
  it("lists documents with pending suggestions, filtered by country, label and score, paged by cursor", async () => {
    const { reef, forest } = await setup();
    expect((await get("/v1/review/queue", ALICE)).status).toBe(403);
    expect((await kit.app.request("/v1/review/queue")).status).toBe(401);

    const all = (await get("/v1/review/queue")).body;
    expect(all.items.map((i: any) => i.documentId).sort()).toEqual([reef, forest].sort());
    const reefItem = all.items.find((i: any) => i.documentId === reef);
    expect(reefItem).toMatchObject({ title: "Reef plan", country: "fj" });
    expect(reefItem.pending.map((p: any) => p.labelId).sort()).toEqual(["CBD-SUBJECT-MAR", "GBF-TARGET-03"]);
    expect(reefItem.pending[0].label).not.toBe(reefItem.pending[0].labelId);
    expect(reefItem.pending[0].evidence[0].text).toBeTruthy();

    expect((await get("/v1/review/queue?country=ke")).body.items.map((i: any) => i.documentId)).toEqual([forest]);
    const byLabel = (await get("/v1/review/queue?label=GBF-TARGET-03")).body.items;
    expect(byLabel.map((i: any) => i.documentId)).toEqual([reef]);
    expect(byLabel[0].pending.map((p: any) => p.labelId)).toEqual(["GBF-TARGET-03"]);
    expect((await get("/v1/review/queue?minScore=0.95")).body.items).toEqual([]);
    expect((await get("/v1/review/queue?minScore=0.9&maxScore=0.1")).status).toBe(400);
    expect((await get("/v1/review/queue?label=NOPE-1")).status).toBe(400);
    expect((await get("/v1/review/queue?cursor=garbage")).status).toBe(400);

    const first = (await get("/v1/review/queue?limit=1")).body;
    expect(first.items).toHaveLength(1);
    const second = (await get(`/v1/review/queue?limit=1&cursor=${first.nextCursor}`)).body;
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([first.items[0].documentId, second.items[0].documentId])).toEqual(new Set([reef, forest]));

    // Decided suggestions leave the queue.
    await postJson(
      kit.app,
      `/v1/documents/${forest}/tags`,
      { actions: [{ labelId: "GBF-TARGET-02", action: "reject" }] },
      BOB,
    );
    expect((await get("/v1/review/queue")).body.items.map((i: any) => i.documentId)).toEqual([reef]);
  });
});

describe("bulk review, history and stats", () => {
  it("applies good items across documents and names the bad ones in a 400", async () => {
    const { reef, forest } = await setup();
    const items = [
      { documentId: reef, labelId: "GBF-TARGET-03", decision: "accept" },
      { documentId: reef, labelId: "NOPE-1", decision: "accept" },
      { documentId: forest, labelId: "GBF-TARGET-02", decision: "reject" },
      { documentId: "missing-doc", labelId: "GBF-TARGET-02", decision: "accept" },
    ];
    expect((await postJson(kit.app, "/v1/review/bulk", { items }, ALICE)).status).toBe(403);
    const res = await postJson(kit.app, "/v1/review/bulk", { items }, SEC);
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toContain("NOPE-1");
    expect(body.error.message).toContain("missing-doc");
    expect(body.error.details.results.map((r: any) => r.ok)).toEqual([true, false, true, false]);
    expect(body.error.details.results[1].error.code).toBe("unknown_label");
    expect(body.error.details.results[3].error.code).toBe("not_found");
    expect((await get(`/v1/documents/${reef}`)).body.tags.targets).toEqual(["GBF-TARGET-03"]);
    expect((await get(`/v1/documents/${forest}`)).body.tags.targets).toEqual([]);

    // The same decisions again: 200, nothing new recorded.
    const again = await postJson(kit.app, "/v1/review/bulk", { items: [items[0], items[2]] }, SEC);
    expect(again.status).toBe(200);
    expect(((await again.json()) as any).results.map((r: any) => r.recorded)).toEqual([false, false]);
    expect(await kit.store.feedback.all()).toHaveLength(2);

    const history = (await get("/v1/review/history")).body;
    expect(history.entries.map((e: any) => [e.labelId, e.action, e.user])).toEqual(
      expect.arrayContaining([
        ["GBF-TARGET-03", "accept", "secretariat:sec"],
        ["GBF-TARGET-02", "reject", "secretariat:sec"],
      ]),
    );
    expect(JSON.stringify(history)).not.toContain("ks");
    expect(history.entries.find((e: any) => e.documentId === reef).title).toBe("Reef plan");
    const one = (await get(`/v1/review/history?documentId=${forest}`)).body.entries;
    expect(one.map((e: any) => e.labelId)).toEqual(["GBF-TARGET-02"]);
    const paged = (await get("/v1/review/history?limit=1")).body;
    expect(paged.entries).toHaveLength(1);
    expect((await get(`/v1/review/history?limit=1&cursor=${paged.nextCursor}`)).body.entries).toHaveLength(1);

    const stats = (await get("/v1/review/stats")).body;
    expect(stats.decisions).toBe(2);
    expect(stats.labels).toEqual([
      expect.objectContaining({ labelId: "GBF-TARGET-02", accepted: 0, rejected: 1, acceptRate: 0 }),
      expect.objectContaining({ labelId: "GBF-TARGET-03", accepted: 1, rejected: 0, acceptRate: 1 }),
    ]);
    expect((await get("/v1/review/stats", BOB)).status).toBe(403);
  });
});

describe("my documents", () => {
  it("lists only the caller's submissions with their review state", async () => {
    const { reef, forest } = await setup();
    await postJson(
      kit.app,
      `/v1/documents/${reef}/tags`,
      { actions: [{ labelId: "GBF-TARGET-03", action: "accept" }] },
      ALICE,
    );
    const mine = (await get("/v1/submissions/mine", ALICE)).body;
    expect(mine.documents).toEqual([
      expect.objectContaining({
        documentId: reef,
        title: "Reef plan",
        country: "fj",
        review: { pending: 1, accepted: 1, rejected: 0 },
      }),
    ]);
    const bobs = (await get("/v1/submissions/mine", BOB)).body.documents;
    expect(bobs.map((d: any) => d.documentId)).toEqual([forest]);
    expect((await kit.app.request("/v1/submissions/mine")).status).toBe(401);
  });

  it("offers country names and CHM record types for the Submit form", async () => {
    kit = await makeKit();
    const { body } = await get("/v1/submissions/options");
    expect(body.countries).toContainEqual({ code: "fr", name: "France" });
    expect(body.recordTypes).toContainEqual({ id: "nbsap", name: "NBSAP" });
    expect(body.recordTypes).toContainEqual({ id: "nationalReport7", name: "National report (7th)" });
    const fr = (await get("/v1/submissions/options?language=es")).body;
    expect(fr.countries).toContainEqual({ code: "fr", name: "Francia" });
  });
});
