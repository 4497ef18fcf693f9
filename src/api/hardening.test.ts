import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { bearer, ingest, makeKit, postJson, upload, type Kit } from "./internal/test-kit.ts";

const REEF = "Coral reef protected areas cover the lagoon.";
const legacy = (key: string) => createHash("sha256").update(key).digest("hex").slice(0, 16);
let kit: Kit;
afterEach(async () => kit?.cleanup());

async function jobOf(k: Kit, res: Response) {
  const { jobId } = (await res.json()) as { jobId: string };
  return k.store.jobs.get(jobId);
}

describe("key identities", () => {
  it("records a named key by its name, and accepts old key:role entries beside it", async () => {
    kit = await makeKit({ config: { CHM_API_KEYS: "alice:s3cret-a:submitter,old-key:secretariat" } });
    const id = await ingest(kit, REEF, {}, bearer("s3cret-a"));
    expect((await kit.store.documents.get(id))?.submittedBy).toBe("alice");
    const actions = { actions: [{ labelId: "GBF-TARGET-03", action: "accept" }] };
    expect((await postJson(kit.app, `/v1/documents/${id}/tags`, actions, bearer("s3cret-a"))).status).toBe(200);
    expect((await postJson(kit.app, `/v1/documents/${id}/tags`, actions, bearer("old-key"))).status).toBe(200);
    const detail = await (await kit.app.request(`/v1/documents/${id}`)).json();
    const users: string[] = detail.feedback.map((f: { user: string }) => f.user);
    expect(users).toContain("submitter:alice");
    expect(JSON.stringify(detail)).not.toContain(legacy("old-key"));
    expect(JSON.stringify(detail)).not.toContain(legacy("s3cret-a"));
  });

  it("derives unnamed key ids with the server secret, so they cannot be recomputed from the key alone", async () => {
    const submittedBy = async (secret: string) => {
      kit = await makeKit({ config: { CHM_API_KEYS: "weak:submitter", CHM_KEY_SECRET: secret } });
      const id = await ingest(kit, REEF, {}, bearer("weak"));
      const by = (await kit.store.documents.get(id))?.submittedBy;
      await kit.cleanup();
      return by;
    };
    const a = await submittedBy("first-server-secret");
    const b = await submittedBy("second-server-secret");
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(a).not.toBe(legacy("weak"));
    expect(a).not.toBe(b);
  });

  it("still lets a submitter review documents recorded under the old fingerprint of their key", async () => {
    kit = await makeKit({ config: { CHM_API_KEYS: "sub:submitter", CHM_KEY_SECRET: "s" } });
    const id = await ingest(kit, REEF, {}, bearer("sub"));
    const doc = (await kit.store.documents.get(id))!;
    await kit.store.documents.put({ ...doc, submittedBy: legacy("sub") }, await kit.store.chunks.forDocument(id));
    const actions = { actions: [{ labelId: "GBF-TARGET-03", action: "accept" }] };
    expect((await postJson(kit.app, `/v1/documents/${id}/tags`, actions, bearer("sub"))).status).toBe(200);
  });
});

describe("tag review", () => {
  it("lets a second submitter of the same bytes review them, and nobody else", async () => {
    kit = await makeKit({ config: { CHM_API_KEYS: "alice:ka:submitter,bob:kb:submitter,carol:kc:submitter" } });
    const id = await ingest(kit, REEF, {}, bearer("ka"));
    expect(await ingest(kit, REEF, {}, bearer("kb"))).toBe(id);
    const actions = { actions: [{ labelId: "GBF-TARGET-03", action: "accept" }] };
    expect((await postJson(kit.app, `/v1/documents/${id}/tags`, actions, bearer("kb"))).status).toBe(200);
    expect((await postJson(kit.app, `/v1/documents/${id}/tags`, actions, bearer("kc"))).status).toBe(403);
  });

  it("stores the same action by the same user on the same label once (Save tags clicked twice)", async () => {
    kit = await makeKit();
    const id = await ingest(kit, REEF);
    const body = {
      actions: [
        { labelId: "GBF-TARGET-03", action: "accept" },
        { labelId: "GBF-TARGET-10", action: "add" },
      ],
    };
    const [a, b] = await Promise.all([
      postJson(kit.app, `/v1/documents/${id}/tags`, body),
      postJson(kit.app, `/v1/documents/${id}/tags`, body),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await postJson(kit.app, `/v1/documents/${id}/tags`, body)).status).toBe(200);
    expect(await kit.store.feedback.forDocument(id)).toHaveLength(2);
    // A changed mind is recorded.
    const reject = { actions: [{ labelId: "GBF-TARGET-10", action: "reject" }] };
    const res = await postJson(kit.app, `/v1/documents/${id}/tags`, reject);
    expect((await res.json()).tags.targets).toEqual(["GBF-TARGET-03"]);
    expect(await kit.store.feedback.forDocument(id)).toHaveLength(3);
  });
});

describe("input limits", () => {
  it("rejects impossible calendar dates in every date filter", async () => {
    kit = await makeKit();
    for (const q of [
      "from=2024-02-30",
      "to=2023-02-29",
      "from=2024-13-01",
      "to=2024-04-31T10:00Z",
      "from=2024-01-01T25:00Z",
    ]) {
      for (const path of ["/v1/search?q=reef&", "/v1/documents?"]) {
        const res = await kit.app.request(`${path}${q}`);
        expect(res.status, `${path}${q}`).toBe(400);
        expect((await res.json()).error.code).toBe("validation_failed");
      }
    }
    expect((await kit.app.request("/v1/documents?from=2024-02-29&to=2024-12-31")).status).toBe(200);
  });

  it("limits filename length and characters, and keeps only the base name", async () => {
    kit = await makeKit({ config: { MAX_FILENAME_CHARS: 40 } });
    for (const name of [`${"a".repeat(41)}.txt`, "bad\u0000name.txt", "evil\u202Etxt.exe", "line\nbreak.txt"]) {
      const res = await upload(kit.app, REEF, {}, {}, name);
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect((await res.json()).error.code).toBe("validation_failed");
    }
    const ok = await upload(kit.app, REEF, {}, {}, "C:\\Users\\me\\report 2024.txt");
    expect(ok.status).toBe(202);
    expect((await jobOf(kit, ok))?.meta.filename).toBe("report 2024.txt");
  });
});

describe("what leaks", () => {
  it("serves /docs under a Content-Security-Policy that only allows this host", async () => {
    kit = await makeKit();
    const csp = (await kit.app.request("/docs")).headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("hides the document count on /ready from anonymous callers when PUBLIC_READ=false", async () => {
    kit = await makeKit({ config: { CHM_API_KEYS: "k:submitter", PUBLIC_READ: false } });
    expect((await upload(kit.app, REEF, {}, bearer("k"))).status).toBe(202);
    expect((await kit.worker.runOnce())?.job.state).toBe("done");
    const anon = await (await kit.app.request("/ready")).json();
    expect(anon.checks.store).toEqual({ ok: true });
    const authed = await (await kit.app.request("/ready", { headers: bearer("k") })).json();
    expect(authed.checks.store).toEqual({ ok: true, documents: 1 });
  });

  it("shows failed jobs' codes with clean messages, never raw internal text or paths", async () => {
    kit = await makeKit();
    const res = await upload(kit.app, REEF);
    const job = (await jobOf(kit, res))!;
    const raw = "ENOENT: no such file or directory, open '/var/lib/chm/blobs/ab.tmp'\n    at open (node:fs:573:3)";
    await kit.store.jobs.update(job.id, { state: "failed", errorCode: "internal", errorMessage: raw });
    const body = await (await kit.app.request(`/v1/jobs/${job.id}`)).json();
    expect(body.error.code).toBe("internal");
    expect(body.error.message).not.toMatch(/ENOENT|\/var\/lib|node:fs|\bat /);
    const pdf =
      "Invalid PDF structure in /home/user/uploads/x.pdf at /srv/app/node_modules/pdfjs-dist/build/pdf.mjs:12";
    await kit.store.jobs.update(job.id, { errorCode: "corrupt_file", errorMessage: pdf });
    const body2 = await (await kit.app.request(`/v1/jobs/${job.id}`)).json();
    expect(body2.error.message).toContain("Invalid PDF structure");
    expect(body2.error.message).not.toMatch(/\/home\/|\/srv\/|node_modules/);
  });
});
