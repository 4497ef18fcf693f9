import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { trainingExamples } from "./app.ts";
import { loadDevSet, type ClassificationResult } from "./classify/index.ts";
import { makeChunks, makeDoc } from "../test/helpers/records.ts";
import { createStore, type DocumentStore, type FeedbackRecord } from "./store/index.ts";
import { loadVocabulary, type Vocabulary } from "./vocab/index.ts";

const DIMS = 4;
let vocab: Vocabulary;
let devSize: number;
let dir: string;
let store: DocumentStore;

beforeAll(async () => {
  vocab = await loadVocabulary();
  devSize = (await loadDevSet(undefined, { vocab })).length;
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "chm-app-"));
  store = await createStore({ uri: dir, dims: DIMS, embeddingModelId: "test-model" });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const classification = (labelId: string, evidence: string): ClassificationResult => ({
  suggestions: [
    {
      id: labelId,
      space: "gbf",
      score: 0.9,
      decision: "suggest",
      evidence: [{ start: 0, end: evidence.length, text: evidence, signal: "lexical" }],
    },
  ],
  modelId: "m",
  classifierVersion: "v",
  thresholds: {},
});

async function putDoc(id: string, texts: string[], cls?: ClassificationResult): Promise<void> {
  const doc = makeDoc(id, { chunkCount: texts.length, classificationJson: cls ? JSON.stringify(cls) : "" });
  await store.documents.put(
    doc,
    makeChunks(
      doc,
      texts.map((t): [string, Float32Array] => [t, new Float32Array(DIMS).fill(0.5)]),
    ),
  );
}

const feedback = (
  documentId: string,
  labelId: string,
  action: FeedbackRecord["action"],
  n: number,
): FeedbackRecord => ({
  id: `f${n}`,
  documentId,
  labelId,
  action,
  user: "reviewer",
  modelId: "m",
  classifierVersion: "v",
  createdAt: `2024-06-0${n}T00:00:00.000Z`,
});

describe("trainingExamples", () => {
  it("is the dev set alone while there is no feedback", async () => {
    const examples = await trainingExamples(store, vocab);
    expect(examples).toHaveLength(devSize);
    expect(examples.some((e) => e.id.startsWith("feedback-"))).toBe(false);
  });

  it("adds reviewers' GBF feedback as examples: evidence text first, else the document's opening chunks", async () => {
    await putDoc(
      "d1",
      ["Intro about the report.", "Rats were eradicated from three islands."],
      classification("GBF-TARGET-06", "Rats were eradicated from three islands."),
    );
    await putDoc("d2", ["Wetlands were restored along the river.", "Annex."]);
    await store.feedback.add(feedback("d1", "GBF-TARGET-06", "accept", 1));
    await store.feedback.add(feedback("d2", "GBF-TARGET-02", "add", 2));
    // Subjects and SDGs are not trained on; a deleted document has no text to learn from.
    await store.feedback.add(feedback("d1", "CBD-SUBJECT-AGR", "add", 3));
    await store.feedback.add(feedback("gone", "GBF-TARGET-03", "accept", 4));

    const examples = await trainingExamples(store, vocab);
    const fromFeedback = examples.filter((e) => e.id.startsWith("feedback-"));
    expect(examples).toHaveLength(devSize + 2);
    expect(
      fromFeedback.map((e) => ({ text: e.text, labels: e.labels })).sort((a, b) => a.text.localeCompare(b.text)),
    ).toEqual([
      { text: "Rats were eradicated from three islands.", labels: ["GBF-TARGET-06"] },
      { text: "Wetlands were restored along the river.\nAnnex.", labels: ["GBF-TARGET-02"] },
    ]);
  });

  it("turns a rejected suggestion into a negative example of its evidence", async () => {
    await putDoc("d1", ["Budget tables."], classification("GBF-TARGET-19", "Budget tables."));
    await store.feedback.add(feedback("d1", "GBF-TARGET-19", "reject", 1));
    const [example] = (await trainingExamples(store, vocab)).filter((e) => e.id.startsWith("feedback-"));
    expect(example).toMatchObject({ text: "Budget tables.", labels: [] });
  });
});
