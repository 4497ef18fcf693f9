/**
 * Data integrity through the real API and worker: submissions of identical bytes, delete leaving
 * nothing behind, failed uploads, and a really full disk (a 4 MB tmpfs; tests run as root).
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { bearer, ingest, makeKit, postJson, upload, type Kit } from "./internal/test-kit.ts";
import { createEmbeddedQueue } from "../ingest/index.ts";
import { createStore } from "../store/index.ts";

const KEYS = "sub-a:submitter,sub-b:submitter,sec:secretariat";
const REEF = "Coral reef protected areas cover the lagoon. Marine monitoring shows bleaching.";
let kit: Kit | undefined;
let mounted: string | undefined;
afterEach(async () => {
  await kit?.cleanup();
  kit = undefined;
  if (mounted) execFileSync("umount", [mounted]);
  if (mounted) await rm(mounted, { recursive: true, force: true });
  mounted = undefined;
});

const getDoc = async (k: Kit, id: string, headers: Record<string, string> = {}) =>
  (await k.app.request(`/v1/documents/${id}`, { headers })).json() as Promise<any>;

describe("submissions of identical bytes", () => {
  it("keeps each submitter's metadata, shows each their own, and lets both review tags", async () => {
    kit = await makeKit({ config: { CHM_API_KEYS: KEYS } });
    const a = await ingest(kit, REEF, { title: "Reef plan A", country: "fj", recordType: "nbsap" }, bearer("sub-a"));
    const b = await ingest(kit, REEF, { title: "Reef report B", country: "br", language: "pt" }, bearer("sub-b"));
    expect(b).toBe(a);

    // The document keeps the first submission's metadata; every submission is kept.
    const asSec = await getDoc(kit, a, bearer("sec"));
    expect(asSec).toMatchObject({ title: "Reef plan A", country: "fj" });
    expect(asSec.submissions.map((s: any) => [s.title, s.country])).toEqual([
      ["Reef plan A", "fj"],
      ["Reef report B", "br"],
    ]);
    const asB = await getDoc(kit, a, bearer("sub-b"));
    expect(asB.submissions).toHaveLength(1);
    expect(asB.submissions[0]).toMatchObject({ title: "Reef report B", country: "br", language: "pt" });
    expect((await getDoc(kit, a)).submissions).toEqual([]);

    const actions = { actions: [{ labelId: "GBF-TARGET-03", action: "accept" }] };
    expect((await postJson(kit.app, `/v1/documents/${a}/tags`, actions, bearer("sub-b"))).status).toBe(200);
  });
});

describe("delete", () => {
  it("leaves nothing behind: the same bytes uploaded again start clean", async () => {
    kit = await makeKit();
    const id = await ingest(kit, REEF, { title: "Old title" });
    const actions = { actions: [{ labelId: "GBF-TARGET-02", action: "add" }] };
    expect((await postJson(kit.app, `/v1/documents/${id}/tags`, actions)).status).toBe(200);
    const { contentHash } = (await kit.store.documents.get(id))!;

    expect((await kit.app.request(`/v1/documents/${id}`, { method: "DELETE" })).status).toBe(204);
    await expect(kit.store.blobs.get(contentHash)).rejects.toMatchObject({ code: "not_found" });

    expect(await ingest(kit, REEF, { title: "New title" })).toBe(id);
    const doc = await getDoc(kit, id);
    expect(doc).toMatchObject({ title: "New title", feedback: [] });
    // The added GBF-TARGET-02 is gone with its feedback; the new classification is a suggestion again.
    expect(doc.tags.targets).toEqual([]);
    expect(doc.suggestions.map((s: any) => s.id)).toContain("GBF-TARGET-03");
    expect(doc.submissions.map((s: any) => s.title)).toEqual(["New title"]);
  });

  it("drops the bytes of an upload that failed for good", async () => {
    kit = await makeKit();
    const res = await upload(
      kit.app,
      new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 1, 2, 3]),
      {},
      {},
      "x.pdf",
    );
    const { jobId } = await res.json();
    await kit.worker.runOnce();
    const job = await (await kit.app.request(`/v1/jobs/${jobId}`)).json();
    expect(job.state).toBe("failed");
    const blobKey = (await kit.store.jobs.get(jobId))!.blobKey;
    await expect(kit.store.blobs.get(blobKey)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("disk full", () => {
  it("answers 507 storage_full with a clean body and leaves no temp files", async () => {
    const disk = join(tmpdir(), `chm-full-${process.pid}-${Date.now()}`);
    await mkdir(disk);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", disk]);
    mounted = disk;
    const store = await createStore({ uri: disk, dims: 64, embeddingModelId: "hash-test" });
    const api = await makeKit({ deps: { store, queue: createEmbeddedQueue({ store, maxAttempts: 3 }) } });
    kit = {
      ...api,
      async cleanup() {
        await api.cleanup();
        await store.close();
      },
    };

    const res = await upload(kit.app, randomBytes(5 * 1024 * 1024), {}, {}, "big.txt");
    expect(res.status).toBe(507);
    const body = await res.json();
    expect(body.error.code).toBe("storage_full");
    expect(JSON.stringify(body)).not.toMatch(/lance|\.rs\b|cargo|os error|ENOSPC/i);
    const files = await readdir(disk, { recursive: true });
    expect(files.filter((f) => String(f).endsWith(".tmp"))).toEqual([]);
    // The store still answers; the small upload that fits still goes in.
    expect((await upload(kit.app, REEF)).status).toBe(202);
  });
});
