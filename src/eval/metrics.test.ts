import { describe, expect, it } from "vitest";
import type { ClassificationResult, Suggestion } from "../classify/types.ts";
import { computeMetrics } from "./metrics.ts";
import type { EvalRecord } from "./types.ts";

const SPACE = ["A", "B", "C"];

function s(id: string, score: number, decision: Suggestion["decision"]): Suggestion {
  return { id, space: "gbf", score, decision, evidence: [{ start: 0, end: 4, text: "text", signal: "semantic" }] };
}
function result(...suggestions: Suggestion[]): ClassificationResult {
  return { suggestions, modelId: "fake", classifierVersion: "t", thresholds: { suggest: 0.5 } };
}
function rec(id: string, labels: string[], language: string, ...sugs: Suggestion[]): EvalRecord {
  return { example: { id, text: `text ${id}`, labels, language }, result: result(...sugs) };
}

// Four texts, three labels. Ranks are by score; "none" only affects F1, never ranking.
const records: EvalRecord[] = [
  rec("e1", ["A"], "en", s("A", 0.9, "suggest"), s("B", 0.4, "review"), s("C", 0.1, "none")),
  rec("e2", ["B"], "en", s("A", 0.8, "suggest"), s("B", 0.6, "suggest"), s("C", 0.2, "none")),
  rec("e3", ["A", "C"], "fr", s("C", 0.7, "suggest"), s("B", 0.5, "review")), // A not returned → score 0
  rec("e4", ["C"], "fr", s("B", 0.45, "review"), s("A", 0.2, "none")), // C not returned
  rec("e5", ["SUBJECT-X"], "en", s("A", 0.9, "suggest")), // no gold label in the space: skipped
];

describe("computeMetrics on a hand-checked dataset", () => {
  const m = computeMetrics(records, { labelSpace: SPACE });

  it("skips examples with no gold label in the space", () => {
    expect(m.summary.n).toBe(4);
    expect(m.skippedNoGold).toEqual(["e5"]);
  });

  it("ranking metrics", () => {
    // top-1: e1 A ✓, e2 A ✗, e3 C ✓, e4 B ✗
    expect(m.summary.precisionAt1).toBeCloseTo((1 + 0 + 1 + 0) / 4);
    // share of gold in top 3: e1 1/1, e2 1/1, e3 1/2 (A missing), e4 0/1
    expect(m.summary.recallAt3).toBeCloseTo((1 + 1 + 0.5 + 0) / 4);
    expect(m.summary.hitAt3).toBeCloseTo((1 + 1 + 1 + 0) / 4);
  });

  it("suggest-only F1: per label, micro and macro", () => {
    // predicted: e1 {A}, e2 {A,B}, e3 {C}, e4 {}
    // A: tp e1, fp e2, fn e3 → P 1/2 R 1/2 F1 1/2;  B: tp e2 → 1/1/1;  C: tp e3, fn e4 → P 1 R 1/2 F1 2/3
    const by = Object.fromEntries(m.perLabel.map((l) => [l.id, l]));
    expect(by.A!.suggest).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(by.B!.suggest).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(by.C!.suggest).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(by.C!.suggest.f1).toBeCloseTo((2 * 1 * 0.5) / (1 + 0.5));
    expect([by.A!.support, by.B!.support, by.C!.support]).toEqual([2, 1, 2]);
    // micro: tp 3, fp 1, fn 2 → P 3/4, R 3/5, F1 = 2·(3/4)(3/5)/(3/4+3/5) = 2/3
    expect(m.summary.microPrecision.suggest).toBeCloseTo(3 / 4);
    expect(m.summary.microRecall.suggest).toBeCloseTo(3 / 5);
    expect(m.summary.microF1.suggest).toBeCloseTo(2 / 3);
    expect(m.summary.macroF1.suggest).toBeCloseTo((0.5 + 1 + 2 / 3) / 3);
  });

  it("balanced accuracy: the mean of recall and true-negative rate, micro and per label", () => {
    // 12 decisions, 5 gold: micro R 3/5; 7 negatives, 1 fp (A on e2) → TNR 6/7.
    expect(m.summary.balancedAccuracy!.suggest).toBeCloseTo((3 / 5 + 6 / 7) / 2);
    // A: R 1/2, negatives e2 e4, fp 1 → TNR 1/2. B: R 1, negatives 3, fp 0. C: R 1/2, negatives 2, fp 0.
    expect(m.summary.macroBalancedAccuracy!.suggest).toBeCloseTo(((1 / 2 + 1 / 2) / 2 + 1 + (1 / 2 + 1) / 2) / 3);
  });

  it("suggest+review F1 counts review decisions as positive", () => {
    // predicted: e1 {A,B}, e2 {A,B}, e3 {C,B}, e4 {B}
    // A: tp1 fp1 fn1 → F1 1/2;  B: tp1 fp3 → P 1/4 R 1 F1 2/5;  C: tp1 fn1 → F1 2/3
    // micro: tp 3, fp 4, fn 2 → P 3/7, R 3/5, F1 = 1/2
    expect(m.summary.microF1.suggestReview).toBeCloseTo(0.5);
    expect(m.summary.macroF1.suggestReview).toBeCloseTo((0.5 + 0.4 + 2 / 3) / 3);
  });

  it("coverage: texts with at least one positive decision", () => {
    expect(m.summary.coverage.suggest).toBeCloseTo(3 / 4); // e4 has no suggest
    expect(m.summary.coverage.suggestReview).toBe(1);
  });

  it("confusion: gold → top-1", () => {
    expect(m.confusion.labels).toEqual(["A", "B", "C"]);
    // rows A,B,C; columns A,B,C,none
    expect(m.confusion.matrix).toEqual([
      [1, 0, 0, 0], // e1
      [1, 0, 0, 0], // e2: gold B, top A
      [0, 1, 1, 0], // e3 correct on C; e4 gold C, top B
    ]);
  });

  it("calibration: Brier over all 12 (text, label) pairs", () => {
    // squared errors: e1 .01 .16 .01 | e2 .64 .16 .04 | e3 1 .25 .09 | e4 .04 .2025 1  → 3.6025
    expect(m.calibration.pairs).toBe(12);
    expect(m.calibration.brier).toBeCloseTo(3.6025 / 12);
    expect(m.calibration.bins).toHaveLength(10);
    expect(m.calibration.bins.reduce((a, b) => a + b.count, 0)).toBe(12);
    expect(m.calibration.bins[0]).toMatchObject({ count: 2, observed: 1 }); // the two unreturned gold labels
  });

  it("per-language table", () => {
    // en: e1, e2 → tp 2, fp 1 → F1 0.8;  fr: e3, e4 → tp 1, fn 2 → F1 0.5
    expect(m.perLanguage).toEqual([
      { language: "en", n: 2, precisionAt1: 0.5, recallAt3: 1, hitAt3: 1, microF1: expect.closeTo(0.8) },
      { language: "fr", n: 2, precisionAt1: 0.5, recallAt3: 0.25, hitAt3: 0.5, microF1: expect.closeTo(0.5) },
    ]);
  });

  it("worst errors lead with gold labels the classifier never returned", () => {
    expect(m.worstErrors.slice(0, 2).map((e) => [e.exampleId, e.kind, e.label])).toEqual([
      ["e3", "missed", "A"],
      ["e4", "missed", "C"],
    ]);
    const wrong = m.worstErrors.find((e) => e.kind === "wrong" && e.exampleId === "e2");
    expect(wrong).toMatchObject({ label: "A", score: 0.8, gold: ["B"] });
    expect(wrong!.evidence[0]!.text).toBe("text");
  });

  it("keeps per-example outcomes for recomputation", () => {
    expect(m.examples[3]).toMatchObject({ id: "e4", gold: ["C"], suggested: [], reviewed: ["B"] });
  });

  it("macro-F1 counts a label that is suggested but never gold as F1 0", () => {
    const extra = computeMetrics([...records, rec("e6", ["B"], "en", s("B", 0.9, "suggest"), s("D", 0.7, "suggest"))], {
      labelSpace: [...SPACE, "D"],
    });
    // suggest mode gains B tp (B stays F1 1) and D fp: macro over A, B, C, D = (1/2 + 1 + 2/3 + 0) / 4
    expect(extra.summary.macroF1.suggest).toBeCloseTo((0.5 + 1 + 2 / 3 + 0) / 4);
  });
});

describe("implied labels (a gold target's goal)", () => {
  // Space: goal G and targets T1, T2. The text is about T1, which implies G.
  const space = ["G", "T1", "T2"];
  const r: EvalRecord = {
    ...rec("i1", ["T1"], "en", s("G", 0.95, "suggest"), s("T2", 0.6, "suggest"), s("T1", 0.5, "suggest")),
    implied: ["G"],
  };
  const m = computeMetrics([r], { labelSpace: space });

  it("leaves the implied goal out of the ranking, the decisions and the calibration", () => {
    // Ranking without G: T2 then T1 → top-1 wrong, T1 within the top 3.
    expect(m.summary.precisionAt1).toBe(0);
    expect(m.summary.recallAt3).toBe(1);
    // Decisions without G: T2 is a false positive, T1 a true positive; G is neither.
    expect(m.summary.microPrecision.suggest).toBeCloseTo(1 / 2);
    expect(m.perLabel.find((l) => l.id === "G")).toBeUndefined();
    // Calibration pairs: T1 (gold) and T2 only.
    expect(m.calibration.bins.reduce((a, b) => a + b.count, 0)).toBe(2);
  });

  it("still scores a goal that is itself gold", () => {
    const g = computeMetrics([{ ...rec("i2", ["G"], "en", s("G", 0.9, "suggest")), implied: ["G"] }], {
      labelSpace: space,
    });
    expect(g.summary.precisionAt1).toBe(1);
  });
});

describe("evidence agreement", () => {
  const text = "Two marine parks were gazetted. Rats were eradicated from islands.";
  const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
  const sug = (id: string, phrase: string, decision: Suggestion["decision"] = "suggest"): Suggestion => ({
    id,
    space: "gbf",
    score: 0.9,
    decision,
    evidence: [{ ...at(phrase), text: phrase, signal: "lexical" }],
  });
  const example = {
    id: "m",
    text,
    labels: ["A", "B", "C"],
    evidence: { A: "Two marine parks were gazetted.", B: "Rats were eradicated from islands.", C: "Rats were" },
  };

  it("counts a suggested gold label whose first passage lies in the labelled sentence", () => {
    // A: right sentence; B: the other label's sentence; C: not suggested, so not judged.
    const records: EvalRecord[] = [
      { example, result: result(sug("A", "marine parks"), sug("B", "marine parks"), sug("C", "Rats", "review")) },
    ];
    expect(computeMetrics(records, { labelSpace: SPACE }).summary.evidence).toEqual({ judged: 2, hits: 1, rate: 0.5 });
  });

  it("is absent when no example labels its sentences", () => {
    expect(computeMetrics(records, { labelSpace: SPACE }).summary.evidence).toBeUndefined();
  });
});
