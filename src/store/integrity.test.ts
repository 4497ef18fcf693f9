import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { connect } from "@lancedb/lancedb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeChunks, makeDoc } from "../../test/helpers/records.ts";
import { axis, DIMS, makeJob, tempDir } from "./internal/fixtures.ts";
import type { DocumentStore } from "./index.ts";
import { classificationOf, createStore } from "./index.ts";

let dir: string;
let cleanup: () => Promise<void>;
let store: DocumentStore;
const open = (uri = dir) => createStore({ uri, dims: DIMS, embeddingModelId: "test-model" });

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  store = await open();
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

/** Every file under `root`, relative. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length + 1));
}

/** Bytes of all files under `root`. */
async function dirBytes(root: string): Promise<number> {
  let total = 0;
  for (const f of await filesUnder(root)) total += (await stat(join(root, f))).size;
  return total;
}

const feedback = (documentId: string, id: string) => ({
  id,
  documentId,
  labelId: "GBF-TARGET-03",
  action: "accept" as const,
  user: "secretariat:local",
  modelId: "m",
  classifierVersion: "1",
  createdAt: "2024-06-01T00:00:00.000Z",
});

describe("deleting a document", () => {
  it("removes its blob, feedback and submissions, so the same bytes start clean", async () => {
    const bytes = new TextEncoder().encode("coral reef report");
    const key = await store.blobs.put(bytes);
    const doc = makeDoc("c-1", { contentHash: key, submittedBy: "ana" });
    await store.documents.put(doc, makeChunks(doc, [["coral reef report", axis(0)]]));
    await store.submissions.record(doc.id, { submittedBy: "ana", title: "Reef" }, "2024-06-01T00:00:00.000Z");
    await store.feedback.add(feedback(doc.id, "f1"));

    expect(await store.documents.delete(doc.id)).toBe(true);
    await expect(store.blobs.get(key)).rejects.toMatchObject({ code: "not_found" });
    expect(await store.feedback.forDocument(doc.id)).toEqual([]);
    expect(await store.feedback.all()).toEqual([]);
    expect(await store.submissions.submissionsOf(doc.id)).toEqual([]);

    // The same bytes again get the same id: nothing of the old document comes back.
    await store.blobs.put(bytes);
    await store.documents.put(doc, makeChunks(doc, [["coral reef report", axis(0)]]));
    expect(await store.feedback.forDocument(doc.id)).toEqual([]);
    expect(await store.submissions.hasSubmitted(doc.id, "ana")).toBe(false);
  });

  it("keeps the bytes while a queued job still needs them", async () => {
    const key = await store.blobs.put(new TextEncoder().encode("shared bytes"));
    const doc = makeDoc("c-2", { contentHash: key });
    await store.documents.put(doc, []);
    await store.jobs.create(makeJob("j1", { blobKey: key }));
    await store.documents.delete(doc.id);
    expect(new TextDecoder().decode(await store.blobs.get(key))).toBe("shared bytes");
  });
});

describe("blobs behind the store URI", () => {
  it("keeps blobs in a LanceDB table, not loose files, and still reads legacy blobs/ files", async () => {
    const key = await store.blobs.put(new TextEncoder().encode("in the table"));
    expect((await filesUnder(dir)).some((f) => f.startsWith("blobs/"))).toBe(false);
    expect((await filesUnder(dir)).some((f) => f.startsWith("blobs.lance/"))).toBe(true);
    expect(new TextDecoder().decode(await store.blobs.get(key))).toBe("in the table");

    // A store written by an older chm-lens kept blobs as files in <uri>/blobs/<sha256>.
    const legacy = "b".repeat(64);
    await mkdir(join(dir, "blobs"), { recursive: true });
    await writeFile(join(dir, "blobs", legacy), "old bytes");
    expect(new TextDecoder().decode(await store.blobs.get(legacy))).toBe("old bytes");
    await store.blobs.delete(legacy);
    await expect(store.blobs.get(legacy)).rejects.toMatchObject({ code: "not_found" });
  });

  it("releases a failed upload's blob unless a document or live job uses the bytes", async () => {
    const orphan = await store.blobs.put(randomBytes(1000));
    expect(await store.blobs.release(orphan)).toBe(true);
    await expect(store.blobs.get(orphan)).rejects.toMatchObject({ code: "not_found" });

    const used = await store.blobs.put(randomBytes(1000));
    const doc = makeDoc("c-3", { contentHash: used });
    await store.documents.put(doc, []);
    expect(await store.blobs.release(used)).toBe(false);
    expect((await store.blobs.get(used)).byteLength).toBe(1000);
  });
});

describe("reclaiming disk", () => {
  it("frees the bytes of deleted uploads on optimize()", async () => {
    await store.close();
    store = await createStore({ uri: dir, dims: DIMS, embeddingModelId: "test-model", reclaimAfterMs: 0 });
    const key = await store.blobs.put(randomBytes(2 * 1024 * 1024));
    expect(await dirBytes(join(dir, "blobs.lance"))).toBeGreaterThan(2 * 1024 * 1024);
    expect(await store.blobs.release(key)).toBe(true);
    await store.optimize();
    expect(await dirBytes(join(dir, "blobs.lance"))).toBeLessThan(512 * 1024);
  });
});

describe("submissions", () => {
  it("keeps every submitter's own metadata for the same document", async () => {
    const doc = makeDoc("c-4", { title: "First title", submittedBy: "ana" });
    await store.documents.put(doc, []);
    await store.submissions.record(
      doc.id,
      { submittedBy: "ana", title: "First title", country: "fr" },
      "2024-06-01T00:00:00.000Z",
    );
    await store.submissions.record(
      doc.id,
      { submittedBy: "ben", title: "Second title", country: "br", recordType: "nbsap", declaredLanguage: "pt" },
      "2024-06-02T00:00:00.000Z",
    );
    // At-least-once delivery: the same submission twice is stored once.
    await store.submissions.record(
      doc.id,
      { submittedBy: "ben", title: "Second title", country: "br", recordType: "nbsap", declaredLanguage: "pt" },
      "2024-06-03T00:00:00.000Z",
    );
    const subs = await store.submissions.submissionsOf(doc.id);
    expect(subs.map((s) => [s.submittedBy, s.title, s.country, s.submittedAt])).toEqual([
      ["ana", "First title", "fr", "2024-06-01T00:00:00.000Z"],
      ["ben", "Second title", "br", "2024-06-02T00:00:00.000Z"],
    ]);
    expect(subs[1]).toMatchObject({ recordType: "nbsap", declaredLanguage: "pt", documentId: doc.id });
    expect(await store.submissions.hasSubmitted(doc.id, "ben")).toBe(true);
    expect(await store.submissions.hasSubmitted(doc.id, "carl")).toBe(false);
    expect(await store.submissions.hasSubmitted(doc.id, "ben' OR '1'='1")).toBe(false);
  });
});

describe("store errors reach clients clean", () => {
  it("names the operation, never LanceDB's text or a source path", async () => {
    // Break the table under the store: its data files vanish.
    const doc = makeDoc("c-5");
    await store.documents.put(doc, makeChunks(doc, [["text", axis(1)]]));
    await rm(join(dir, "documents.lance", "data"), { recursive: true, force: true });
    const err = await store.documents.get("c-5").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: "store_failed", message: "Store could not read documents" });
    expect(JSON.stringify(err)).not.toMatch(/lance|\.rs|cargo|os error/i);
    // The raw error stays on `cause` for the server log.
    expect(String((err as Error).cause)).toMatch(/lance|not found|No such file/i);
  });
});

describe("disk full", () => {
  let mnt: string | undefined;
  afterEach(async () => {
    if (!mnt) return;
    execFileSync("umount", [mnt]);
    await rm(mnt, { recursive: true, force: true });
    mnt = undefined;
  });

  /** A real 4 MB filesystem (tmpfs; tests run as root here and in CI). */
  async function smallDisk(): Promise<string> {
    const path = join(dir, "small-disk");
    await mkdir(path);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", path]);
    mnt = path;
    return path;
  }

  it("answers storage_full for blobs and documents, leaves no temp files and keeps what was stored", async () => {
    const disk = await smallDisk();
    const small = await open(disk);
    try {
      const kept = await small.blobs.put(new TextEncoder().encode("kept"));
      const err = await small.blobs.put(randomBytes(5 * 1024 * 1024)).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "storage_full", transient: true });
      expect((err as Error).message).not.toMatch(/lance|\.rs|cargo|os error/i);
      expect((await filesUnder(disk)).filter((f) => f.endsWith(".tmp"))).toEqual([]);

      const big = makeDoc("c-6");
      const chunks = makeChunks(
        big,
        Array.from(
          { length: 60 },
          (_, i) => [randomBytes(120_000).toString("base64"), axis(i)] as [string, Float32Array],
        ),
      );
      await expect(small.documents.put(big, chunks)).rejects.toMatchObject({ code: "storage_full" });
      expect(new TextDecoder().decode(await small.blobs.get(kept))).toBe("kept");
    } finally {
      await small.close();
    }
  });
});

describe("classification at the store boundary", () => {
  const valid = {
    suggestions: [
      {
        id: "GBF-TARGET-03",
        space: "gbf",
        score: 0.9,
        decision: "suggest",
        evidence: [{ chunkId: "c-7:0", page: 1, start: 0, end: 5, text: "coral", signal: "lexical" }],
      },
    ],
    modelId: "m",
    classifierVersion: "v",
    thresholds: { "GBF-TARGET-03": 0.5 },
  };

  it("refuses to write an invalid classification and keeps what was stored", async () => {
    const doc = makeDoc("c-7", { classificationJson: JSON.stringify(valid) });
    await store.documents.put(doc, []);
    expect(classificationOf((await store.documents.get("c-7"))!)).toEqual(valid);
    const bad = { ...doc, classificationJson: JSON.stringify({ ...valid, suggestions: [{ id: 3 }] }) };
    await expect(store.documents.put(bad, [])).rejects.toMatchObject({ code: "validation_failed" });
    await expect(store.documents.put({ ...doc, classificationJson: "{not json" }, [])).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect(classificationOf((await store.documents.get("c-7"))!)).toEqual(valid);
  });

  it("reads a corrupt stored classification as unclassified, with a warning, without failing the read", async () => {
    const doc = makeDoc("c-8", { classificationJson: JSON.stringify(valid) });
    await store.documents.put(doc, []);
    // Corrupt the row underneath the store, as an older version or a hand edit could.
    const db = await connect(dir);
    const table = await db.openTable("documents");
    await table.update({ where: "id = 'c-8'", values: { classificationJson: '{"suggestions": 5}' } });
    table.close();
    db.close();
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      const read = await store.documents.get("c-8");
      expect(read).toMatchObject({ id: "c-8", classificationJson: "" });
      expect(classificationOf(read!)).toBeUndefined();
      expect((await store.documents.list()).map((d) => d.id)).toEqual(["c-8"]);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/c-8 has an invalid stored classification/);
    } finally {
      warn.mockRestore();
    }
  });
});
