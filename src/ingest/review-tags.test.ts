import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { makeDoc } from "../../test/helpers/records.ts";
import { createStore, type DocumentStore } from "../store/index.ts";
import { loadVocabulary, type Vocabulary } from "../vocab/index.ts";
import { reviewTags, type Reviewer } from "./review-tags.ts";
import type { TagAction } from "./tag-actions.ts";

const DIMS = 4;
const open = (dir: string) => createStore({ uri: dir, dims: DIMS, embeddingModelId: "test-model" });
const alice: Reviewer = { user: "submitter:alice", ownerIds: ["alice"], secretariat: false };
const ACTIONS: TagAction[] = [
  { labelId: "GBF-TARGET-03", action: "reject" },
  { labelId: "GBF-TARGET-02", action: "add" },
  { labelId: "GBF-TARGET-11", action: "accept" },
];
const CLASSIFICATION = { suggestions: [], modelId: "use-test", classifierVersion: "v-test", thresholds: {} };

let vocab: Vocabulary;
let dir: string;
let store: DocumentStore;
beforeAll(async () => {
  vocab = await loadVocabulary();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "chm-review-"));
  store = await open(dir);
  const doc = makeDoc("d1", {
    submittedBy: "alice",
    tags: { targets: ["GBF-TARGET-03"], goals: ["GBF-GOAL-A"], subjects: [], sdgs: [] },
    classificationJson: JSON.stringify(CLASSIFICATION),
  });
  await store.documents.put(doc, []);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** LanceDB writes one manifest per commit of a table. */
const commits = async () => (await readdir(join(dir, "feedback.lance", "_versions"))).length;
const ids = async (s: DocumentStore) => (await s.feedback.forDocument("d1")).map((f) => f.id).sort();

describe("reviewTags", () => {
  it("writes a review's feedback in one commit, with the stored classification's model", async () => {
    const before = await commits();
    const out = await reviewTags({ store, vocab }, alice, "d1", ACTIONS);
    expect(out.recorded).toBe(3);
    expect(await commits()).toBe(before + 1);
    expect(out.document.tags.targets).toEqual(["GBF-TARGET-02", "GBF-TARGET-11"]);
    expect(out.feedback[0]).toMatchObject({ modelId: "use-test", classifierVersion: "v-test" });
    // The same review again (a double click) stores nothing.
    expect((await reviewTags({ store, vocab }, alice, "d1", ACTIONS)).recorded).toBe(0);
    expect(await ids(store)).toHaveLength(3);
  });

  it("leaves a state a retry repairs when it fails between the feedback and the tag rewrite", async () => {
    const failing: DocumentStore = {
      ...store,
      documents: {
        ...store.documents,
        updateTags: async () => {
          throw new Error("crash after the feedback commit");
        },
      },
    };
    await expect(reviewTags({ store: failing, vocab }, alice, "d1", ACTIONS)).rejects.toThrow(/crash/);
    expect(await ids(store)).toHaveLength(3);
    expect((await store.documents.get("d1"))!.tags.targets).toEqual(["GBF-TARGET-03"]);
    const retry = await reviewTags({ store, vocab }, alice, "d1", ACTIONS);
    expect(retry.recorded).toBe(0);
    expect((await store.documents.get("d1"))!.tags.targets).toEqual(["GBF-TARGET-02", "GBF-TARGET-11"]);
    expect(await ids(store)).toHaveLength(3);
  });

  it("stores one review once when a second process read the feedback before the first wrote it", async () => {
    const other = await open(dir);
    try {
      // The second process's read happened before the first process's write: it sees no feedback.
      const stale: DocumentStore = { ...other, feedback: { ...other.feedback, forDocument: async () => [] } };
      await reviewTags({ store, vocab }, alice, "d1", ACTIONS);
      await reviewTags({ store: stale, vocab }, alice, "d1", ACTIONS);
      expect(await ids(store)).toHaveLength(3);
      // A later, different decision on a label is new feedback, and is kept.
      await reviewTags({ store, vocab }, alice, "d1", [{ labelId: "GBF-TARGET-03", action: "accept" }]);
      expect(await ids(store)).toHaveLength(4);
    } finally {
      await other.close();
    }
  });

  it("records feedback without a model when the stored classification is invalid, instead of failing", async () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const record = { ...(await store.documents.get("d1"))!, classificationJson: '{"suggestions": 5}' };
    const wrapped: DocumentStore = { ...store, documents: { ...store.documents, get: async () => record } };
    const out = await reviewTags({ store: wrapped, vocab }, alice, "d1", ACTIONS.slice(0, 1));
    expect(out.feedback[0]).toMatchObject({ modelId: "none", classifierVersion: "none" });
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/d1 has an invalid classification/);
    warn.mockRestore();
  });
});
