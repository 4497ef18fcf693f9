import type { EvalReportFile } from "../../src/eval/index.ts";

const rates = { suggest: 0.9, suggestReview: 0.8 };

/** A held-out check's metrics.json as `npm run eval` writes it: the title check, with evidence figures. */
export function titleCheckFile(): EvalReportFile {
  return {
    schemaVersion: 1,
    meta: {
      dataset: "gbf-title-check.jsonl",
      mode: "held-out",
      labelSpace: "gbf-targets",
      createdAt: "2026-11-30T06:00:00.000Z",
      modelId: "use-lite-512@0.2.0",
      classifierVersion: "gbf-fusion-1.6.1",
      thresholds: [],
    },
    summary: {
      n: 69,
      precisionAt1: 0.928,
      recallAt3: 0.971,
      microF1: rates,
      microPrecision: rates,
      microRecall: rates,
      balancedAccuracy: rates,
      evidence: { judged: 20, hits: 19, rate: 0.95 },
    },
    perLanguage: [{ language: "fr", n: 12, precisionAt1: 1, recallAt3: 1, hitAt3: 1, microF1: 0.96 }],
  } as unknown as EvalReportFile;
}
