import { beforeAll, describe, expect, it } from "vitest";
import { sharedClassifier } from "../../test/helpers/shared-classifier.ts";
import { createEmbedder } from "../embed/index.ts";
import { loadVocabulary } from "../vocab/index.ts";
import { onFullScale, scoreSdgs, sdgFeatureRows, type SdgTrainingRow, trainSdgModel } from "./internal/sdg-model.ts";
import type { Classifier, ClassificationResult } from "./types.ts";

const sdg = (n: number) => `SUSTAINABLE-DEVELOPMENT-GOAL-${String(n).padStart(2, "0")}`;
const suggestedSdgs = (r: ClassificationResult) =>
  r.suggestions.filter((s) => s.space === "sdg" && s.decision === "suggest").map((s) => s.id);

describe("SDG model (fusion and thresholds)", () => {
  it("puts a lexical-model score on the full model's scale: threshold onto threshold, 0 and 1 kept", () => {
    expect(onFullScale(0.2, 0.2, 0.4)).toBeCloseTo(0.4);
    expect(onFullScale(0, 0.2, 0.4)).toBe(0);
    expect(onFullScale(1, 0.2, 0.4)).toBeCloseTo(1);
    expect(onFullScale(0.1, 0.2, 0.4)).toBeCloseTo(0.2);
    expect(onFullScale(0.6, 0.2, 0.4)).toBeCloseTo(0.7);
  });

  it("learns which signals predict an SDG and chooses thresholds on held-out scores", () => {
    const ids = [sdg(1), sdg(2), sdg(3)];
    const raw = (aurora: string[], noise = 0) => ({
      aurora: aurora.map((labelId, k) => ({ labelId, target: `${labelId}.${k}`, spans: [] })),
      // Keyword scores that say nothing about the gold SDG.
      kw: new Map(ids.map((id, j) => [id, (noise * (j + 1)) % 3] as [string, number])),
      tfidf: new Map<string, number>(),
      sem: new Map(),
      knn: new Map(),
    });
    const rows: SdgTrainingRow[] = [];
    // Aurora hits mark the gold SDG (now and then a spurious hit on another one).
    for (let i = 0; i < 90; i++) {
      const gold = ids[i % 3]!;
      const hits = i % 4 === 0 ? [gold, gold, ids[(i + 1) % 3]!] : [gold];
      for (const [labelId, x] of sdgFeatureRows(raw(hits, i), ids, []))
        rows.push({ key: `t${i}`, labelId, x, y: labelId === gold ? 1 : 0 });
    }
    const model = trainSdgModel(rows, ids, []);
    const p = scoreSdgs(model, raw([sdg(2)]), ids);
    expect(p.get(sdg(2))!).toBeGreaterThan(0.5);
    expect(p.get(sdg(1))!).toBeLessThan(0.2);
    for (const t of Object.values(model.thresholds)) expect(t).toBeGreaterThanOrEqual(0.15);
  });
});

describe("SDGs on real text (shared classifier)", () => {
  let classifier: Classifier;
  beforeAll(async () => {
    const embedder = await createEmbedder({ backend: "use", modelsDir: "unused", model: "unused", batchSize: 32 });
    classifier = await sharedClassifier(embedder, await loadVocabulary());
  }, 1_200_000);

  it("suggests the SDGs an abstract addresses, with a matched expert-query span as evidence", async () => {
    const text =
      "Keeping girls in school: a study of secondary education in rural districts.\n" +
      "We follow 2,000 adolescent girls over four years to see why they drop out of secondary school. " +
      "Early marriage and household poverty explain most of the drop-outs; a conditional cash transfer to " +
      "families improved school attendance and learning outcomes, and reduced gender disparities in enrolment.";
    const r = await classifier.classifyText(text);
    const ids = suggestedSdgs(r);
    expect(ids).toContain(sdg(4));
    const s4 = r.suggestions.find((s) => s.id === sdg(4))!;
    expect(s4.evidence.length).toBeGreaterThan(0);
    const e = s4.evidence[0]!;
    expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(e.text).toMatch(/school|education|learning/i);
    expect(ids.length).toBeLessThanOrEqual(3);
  });

  it("suggests life below water for a marine passage of a national report", async () => {
    const r = await classifier.classifyText(
      "Overfishing and coastal pollution threaten the coral reefs of the archipelago. Two new marine protected " +
        "areas close spawning grounds to fishing, and the fisheries law now sets catch limits for reef fish.",
    );
    expect(suggestedSdgs(r)).toContain(sdg(14));
  });

  it("suggests the SDG of a paragraph in French, Russian or Chinese, where the expert queries and the encoder do not reach", async () => {
    const paragraphs = [
      "Le programme national d'assainissement a raccordé 200 000 foyers au réseau d'eau potable, et de nouvelles stations d'épuration traitent les eaux usées des villes.",
      "Доступ к безопасной питьевой воде и санитарии получили ещё 300 тысяч жителей сельских районов, построены новые очистные сооружения для сточных вод.",
      "全国农村饮用水安全工程使300万农村居民用上了安全饮用水，城市污水处理率提高到95%，卫生设施覆盖率持续提高。",
    ];
    for (const text of paragraphs) {
      const r = await classifier.classifyText(text);
      expect(suggestedSdgs(r)[0], text).toBe(sdg(6));
      expect(suggestedSdgs(r).length, text).toBeLessThanOrEqual(2);
    }
  });

  it("suggests no SDG for text that addresses none", async () => {
    const r = await classifier.classifyText(
      "The committee met on Tuesday, adopted the agenda and approved the minutes of its previous meeting.",
    );
    expect(suggestedSdgs(r)).toEqual([]);
  });
});
