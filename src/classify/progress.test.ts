// The first start trains for about a minute; the trainer reports its stage and how many texts
// it has embedded, and a deferred classifier shows that progress until it is ready.
import { describe, expect, it } from "vitest";
import { fakeEmbedder } from "../../test/helpers/fake-embedder.ts";
import { loadVocabulary } from "../vocab/index.ts";
import { classifierProgress, deferClassifier } from "./deferred.ts";
import { trackProgress, type TrainingProgress } from "./progress.ts";
import { createClassifierTrainer } from "./trainer.ts";
import type { Classifier, LabelledExample } from "./types.ts";

describe("training progress", () => {
  it("reports each stage in order, with embedded texts counting up to the total", async () => {
    const vocab = await loadVocabulary();
    const seen: TrainingProgress[] = [];
    const embedder = fakeEmbedder({ dims: 32, modelId: "fake", maxChars: 800 });
    const examples: LabelledExample[] = Array.from({ length: 300 }, (_, i) => ({
      id: `e${i}`,
      text: i % 2 ? `Marine protected areas and coral reefs ${i}` : `Invasive alien species on islands ${i}`,
      labels: [i % 2 ? "GBF-TARGET-03" : "GBF-TARGET-06"],
    }));
    const sdgExamples: LabelledExample[] = Array.from({ length: 24 }, (_, i) => ({
      id: `s${i}`,
      text: `Safe drinking water for households ${i}`,
      labels: ["SUSTAINABLE-DEVELOPMENT-GOAL-06"],
    }));
    const trainer = createClassifierTrainer({
      embedder,
      vocab,
      options: { onProgress: (p) => seen.push(p), sdgExamples, sdgExemplars: [], sdgOffTopic: ["The meeting closed."] },
    });
    await trainer.train(examples);
    const stages = [...new Set(seen.map((p) => p.stage))];
    expect(stages).toEqual(["preparing", "label descriptions", "examples", "fitting", "SDG examples"]);
    const ex = seen.filter((p) => p.stage === "examples");
    expect(ex[0]).toMatchObject({ done: 0, total: 300 });
    expect(ex.at(-1)).toMatchObject({ done: 300, total: 300 });
    // More than one step between 0 and the total, so the page's progress bar moves.
    expect(ex.length).toBeGreaterThan(2);
    expect(ex.map((p) => p.done)).toEqual([...ex.map((p) => p.done)].sort((a, b) => a - b));
    // The SDG texts and the off-topic sentences are embedded last.
    expect(seen.at(-1)).toEqual({ stage: "SDG examples", done: 25, total: 25 });
  });

  it("is shown while the classifier loads and gone once it is ready", async () => {
    const progress = trackProgress();
    let resolve!: (c: Classifier) => void;
    const d = deferClassifier("v", new Promise<Classifier>((r) => (resolve = r)), progress.current);
    expect(classifierProgress(d)).toBeUndefined();
    progress.report({ stage: "examples", done: 128, total: 2000 });
    expect(classifierProgress(d)).toEqual({ stage: "examples", done: 128, total: 2000 });
    const result = { suggestions: [], modelId: "m", classifierVersion: "v", thresholds: {} };
    resolve({ version: "v", classifyText: async () => result, classifyChunks: async () => result });
    await d.loaded;
    expect(classifierProgress(d)).toBeUndefined();
  });
});
