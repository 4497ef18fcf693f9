import { afterEach, describe, expect, it } from "vitest";
import { bearer, ingest, makeKit, postJson, type Kit } from "./internal/test-kit.ts";

const KEYS = "sub-a:submitter,sub-b:submitter,sec:secretariat";
const REEF = "Coral reef protected areas cover the lagoon.";
let kit: Kit;
afterEach(async () => kit?.cleanup());

describe("auth", () => {
  it("lets a submitter review only their own documents, the secretariat any", async () => {
    kit = await makeKit({ config: { CHM_API_KEYS: KEYS } });
    const id = await ingest(kit, REEF, {}, bearer("sub-a"));
    const actions = { actions: [{ labelId: "GBF-TARGET-03", action: "accept" }] };
    const other = await postJson(kit.app, `/v1/documents/${id}/tags`, actions, bearer("sub-b"));
    expect(other.status).toBe(403);
    expect((await other.json()).error.code).toBe("forbidden");
    expect((await postJson(kit.app, `/v1/documents/${id}/tags`, actions, bearer("sub-a"))).status).toBe(200);
    expect((await postJson(kit.app, `/v1/documents/${id}/tags`, actions, bearer("sec"))).status).toBe(200);
    const users = (await kit.store.feedback.forDocument(id)).map((f) => f.user.split(":")[0]).sort();
    expect(users).toEqual(["secretariat", "submitter"]);
    expect((await postJson(kit.app, `/v1/documents/${id}/tags`, actions)).status).toBe(401);
  });

  it("keeps DELETE to the secretariat", async () => {
    kit = await makeKit({ config: { CHM_API_KEYS: KEYS } });
    const id = await ingest(kit, REEF, {}, bearer("sub-a"));
    const res = await kit.app.request(`/v1/documents/${id}`, { method: "DELETE", headers: bearer("sub-a") });
    expect(res.status).toBe(403);
    expect((await kit.app.request(`/v1/documents/${id}`, { method: "DELETE" })).status).toBe(401);
    expect((await kit.app.request(`/v1/documents/${id}`, { method: "DELETE", headers: bearer("sec") })).status).toBe(
      204,
    );
  });

  it("serves reads publicly by default and only with a key when PUBLIC_READ=false", async () => {
    kit = await makeKit({ config: { CHM_API_KEYS: KEYS } });
    expect((await kit.app.request("/v1/search?q=reef")).status).toBe(200);
    await kit.cleanup();
    kit = await makeKit({ config: { CHM_API_KEYS: KEYS, PUBLIC_READ: false } });
    const res = await kit.app.request("/v1/search?q=reef");
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
    expect((await kit.app.request("/v1/search?q=reef", { headers: bearer("sub-b") })).status).toBe(200);
    expect((await kit.app.request("/health")).status).toBe(200);
  });

  it("opens everything in demo mode (no keys) and warns once at start-up", async () => {
    const warnings: string[] = [];
    const logger = { info() {}, error() {}, warn: (_: object, msg?: string) => void warnings.push(msg ?? "") };
    kit = await makeKit({ deps: { logger } });
    expect(warnings.some((w) => w.includes("CHM_API_KEYS is empty"))).toBe(true);
    const id = await ingest(kit, REEF);
    expect((await kit.app.request(`/v1/documents/${id}`, { method: "DELETE" })).status).toBe(204);
  });

  it("rate-limits per key with 429 and Retry-After", async () => {
    kit = await makeKit({ config: { CHM_API_KEYS: KEYS, RATE_LIMIT_PER_MINUTE: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await kit.app.request("/v1/vocabularies", { headers: bearer("sub-a") })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await kit.app.request("/v1/vocabularies", { headers: bearer("sub-a") });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await res.json()).error.code).toBe("rate_limited");
    // Another key has its own window; health is never limited.
    expect((await kit.app.request("/v1/vocabularies", { headers: bearer("sub-b") })).status).toBe(200);
    expect((await kit.app.request("/health")).status).toBe(200);
  });

  it("rate-limits key guessing by client address", async () => {
    kit = await makeKit({ config: { CHM_API_KEYS: KEYS, RATE_LIMIT_PER_MINUTE: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await kit.app.request("/v1/vocabularies", { headers: bearer(`guess-${i}`) })).status);
    expect(statuses).toEqual([401, 401, 429]);
  });
});
