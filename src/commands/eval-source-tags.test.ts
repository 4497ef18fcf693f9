import { expect, it } from "vitest";
import type { ClassificationResult, ClassifierTrainer, LabelledExample } from "../classify/types.ts";
import { crossValidateSourceTags } from "./eval-source-tags.ts";

const quiet = { out: () => {}, err: () => {} };
const empty: ClassificationResult = { suggestions: [], modelId: "m", classifierVersion: "v", thresholds: {} };

/** Records what each fold trained on; its classifier suggests nothing (the split is under test). */
function recordingTrainer(): ClassifierTrainer & { trainedOn: Set<string>[]; scored: string[][] } {
  const trainedOn: Set<string>[] = [];
  const scored: string[][] = [];
  return {
    trainedOn,
    scored,
    async train(examples) {
      trainedOn.push(new Set(examples.map((e) => e.id)));
      const mine: string[] = [];
      scored.push(mine);
      return {
        version: "v",
        classifyText: async (text) => {
          mine.push(text);
          return empty;
        },
        classifyChunks: async () => empty,
      };
    },
  };
}

const doc = (i: number): LabelledExample => ({
  id: `source-d${i}`,
  text: `record ${i}`,
  labels: ["GBF-TARGET-03"],
  key: `source-d${i}`,
});
const devSet: LabelledExample[] = [0, 1, 2].map((i) => ({ id: `dev${i}`, text: `q${i}`, labels: ["GBF-TARGET-01"] }));

it("scores every harvested document with a model trained on the dev set and the other folds only", async () => {
  const trainer = recordingTrainer();
  const sourceExamples = [1, 2, 3, 4, 5, 6].map(doc);
  const records = await crossValidateSourceTags({ trainer, devSet, sourceExamples }, { k: 3 }, quiet);
  expect(records.map((r) => r.example.id)).toEqual(sourceExamples.map((e) => e.id));
  expect(trainer.trainedOn).toHaveLength(3);
  trainer.trainedOn.forEach((ids, fold) => {
    for (const d of devSet) expect(ids.has(d.id)).toBe(true);
    const scoredHere = records.filter((r) => r.fold === fold).map((r) => r.example.id);
    expect(scoredHere.length).toBeGreaterThan(0);
    for (const id of scoredHere) expect(ids.has(id)).toBe(false);
    expect(ids.size).toBe(devSet.length + sourceExamples.length - scoredHere.length);
  });
});

it("refuses to run without at least two harvested documents carrying GBF source tags", async () => {
  await expect(
    crossValidateSourceTags({ trainer: recordingTrainer(), devSet, sourceExamples: [doc(1)] }, {}, quiet),
  ).rejects.toMatchObject({ code: "bad_request" });
});
