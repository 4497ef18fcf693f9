import { describe, expect, it } from "vitest";
import type { Classifier, ClassifierTrainer, LabelledExample } from "../classify/types.ts";
import { crossValidate, groupedKFold } from "./cross-validate.ts";

// 12 questions × 3 translations sharing a key, plus 4 examples without a key.
const examples: LabelledExample[] = [
  ...Array.from({ length: 12 }, (_, q) =>
    ["en", "fr", "es"].map((language) => ({
      id: `q${q}-${language}`,
      text: `q${q} ${language}`,
      labels: [`L${q % 3}`],
      language,
      key: `q${q}`,
    })),
  ).flat(),
  ...Array.from({ length: 4 }, (_, i) => ({ id: `solo${i}`, text: `solo ${i}`, labels: ["L0"] })),
];

describe("groupedKFold", () => {
  const folds = groupedKFold(examples, 5, 7);

  it("puts every example in exactly one test fold", () => {
    expect(folds).toHaveLength(5);
    const ids = folds.flatMap((f) => f.test.map((e) => e.id));
    expect(ids.sort()).toEqual(examples.map((e) => e.id).sort());
  });

  it("keeps translations sharing a key in the same fold", () => {
    for (let q = 0; q < 12; q++) {
      const holding = folds.filter((f) => f.test.some((e) => e.key === `q${q}`));
      expect(holding).toHaveLength(1);
      expect(holding[0]!.test.filter((e) => e.key === `q${q}`)).toHaveLength(3);
    }
  });

  it("trains on everything outside the test fold", () => {
    for (const f of folds) {
      expect(f.train.length + f.test.length).toBe(examples.length);
      expect(f.train.some((e) => f.test.includes(e))).toBe(false);
    }
  });

  it("is deterministic for a seed, whatever the input order, and changes with the seed", () => {
    const ids = (fs: typeof folds) => fs.map((f) => f.test.map((e) => e.id).sort());
    expect(ids(groupedKFold([...examples].reverse(), 5, 7))).toEqual(ids(folds));
    expect(ids(groupedKFold(examples, 5, 8))).not.toEqual(ids(folds));
  });

  it("balances fold sizes within one group", () => {
    const sizes = folds.map((f) => f.test.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(3);
  });

  it("caps k at the number of groups and refuses a single group", () => {
    expect(groupedKFold(examples.slice(0, 6), 5)).toHaveLength(2);
    expect(() => groupedKFold(examples.slice(0, 3), 5)).toThrow(/at least 2 groups/);
  });
});

describe("crossValidate", () => {
  it("scores each example with a classifier that never saw it", async () => {
    const trainedOn: string[][] = [];
    const trainer: ClassifierTrainer = {
      async train(train) {
        const seen = new Set(train.map((e) => e.text));
        trainedOn.push([...seen]);
        const classifier: Classifier = {
          version: "fake",
          async classifyText(text) {
            // Reports whether it was trained on this very text, as a score.
            return {
              suggestions: [{ id: "L0", space: "gbf", score: seen.has(text) ? 1 : 0, decision: "none", evidence: [] }],
              modelId: "fake",
              classifierVersion: "fake",
              thresholds: {},
            };
          },
          classifyChunks: async () => {
            throw new Error("unused");
          },
        };
        return classifier;
      },
    };
    const records = await crossValidate({ trainer, examples, k: 4 });
    expect(trainedOn).toHaveLength(4);
    expect(records.map((r) => r.example.id)).toEqual(examples.map((e) => e.id));
    expect(records.every((r) => r.result.suggestions[0]!.score === 0)).toBe(true);
    expect(new Set(records.map((r) => r.fold))).toEqual(new Set([0, 1, 2, 3]));
  });
});
