import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClassifierTrainer, loadDevSet } from "../src/classify/index.ts";
import { readLatestEval, runEval } from "../src/commands/eval.ts";
import { createEmbedder } from "../src/embed/index.ts";
import type { Embedder } from "../src/embed/types.ts";
import type { EvalReportFile } from "../src/eval/index.ts";
import { loadVocabulary } from "../src/vocab/index.ts";
import { sharedClassifier } from "./helpers/shared-classifier.ts";

// The real classifier (USE-lite embeddings, trained on the dev set) scoring a small held-out dataset.
const lines = [
  {
    id: "pa-1",
    text: "The country expanded its network of marine and terrestrial protected areas to conserve 30% of land and sea by 2030.",
    labels: ["GBF-TARGET-03"],
    language: "en",
  },
  {
    id: "pa-2",
    text: "New national parks and other effective area-based conservation measures were designated and are effectively managed.",
    labels: ["GBF-TARGET-03"],
    language: "en",
  },
  {
    id: "ias-1",
    text: "An eradication programme removed invasive alien rats from islands and controls the introduction of invasive species at ports.",
    labels: ["GBF-TARGET-06"],
    language: "en",
  },
  {
    id: "ias-2",
    text: "Biosecurity checks reduce the rate of introduction and establishment of invasive alien species.",
    labels: ["GBF-TARGET-06"],
    language: "en",
  },
  {
    id: "pol-1",
    text: "Nutrient runoff and pesticide use in agriculture were halved, and plastic pollution in rivers is being reduced.",
    labels: ["GBF-TARGET-07"],
    language: "en",
  },
  {
    id: "pol-2",
    text: "Measures reduce pollution from all sources, including excess nutrients, highly hazardous pesticides and plastic waste.",
    labels: ["GBF-TARGET-07"],
    language: "en",
  },
];
const dataset = [
  ...lines.slice(0, 3).map((l) => JSON.stringify(l)),
  '{"id": "broken", "text": "missing the closing brace"',
  JSON.stringify({ id: "bad-label", text: "Wetlands are restored.", labels: ["GBF-TARGET-99"] }),
  ...lines.slice(3).map((l) => JSON.stringify(l)),
].join("\n");

let dir: string;
let embedder: Embedder;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "chm-eval-e2e-"));
  embedder = await createEmbedder({ backend: "use", modelsDir: "", model: "", batchSize: 32 });
});
afterAll(async () => {
  await embedder?.close?.();
  await rm(dir, { recursive: true, force: true });
});

describe("eval end to end with the real classifier", () => {
  it("scores the dataset, reports bad lines, and writes consistent metrics", async () => {
    const vocab = await loadVocabulary();
    const devSet = await loadDevSet(undefined, { vocab });
    const trainer = createClassifierTrainer({ embedder, vocab });
    const datasetPath = join(dir, "small.jsonl");
    await writeFile(datasetPath, dataset);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runEval(
      // The classifier npm start uses; the dataset shares no id with the dev set, so eval reuses it.
      { trainer, classifier: await sharedClassifier(embedder, vocab), devSet, vocab, latestDir: join(dir, "latest") },
      { dataset: datasetPath, out: join(dir, "out") },
      { out: (s) => out.push(s), err: (s) => err.push(s) },
    );
    expect(code).toBe(0);
    expect(err.some((e) => e.startsWith("skipped line 4: not valid JSON"))).toBe(true);
    expect(err).toContain("skipped line 5 (id bad-label): unknown label id GBF-TARGET-99");

    const file = JSON.parse(await readFile(join(dir, "out", "metrics.json"), "utf8")) as EvalReportFile;
    expect(file.examples.map((e) => e.id)).toEqual(lines.map((l) => l.id));
    expect(file.meta.modelId).toBe(embedder.modelId);
    expect(file.meta.skippedLines).toHaveLength(2);

    // Recompute precision@1 and suggest-only micro-F1 from the per-example section.
    const p1 =
      file.examples.filter((e) => e.top[0] !== undefined && e.gold.includes(e.top[0].id)).length / file.examples.length;
    expect(file.summary.precisionAt1).toBeCloseTo(p1);
    let tp = 0,
      fp = 0,
      fn = 0;
    for (const e of file.examples) {
      tp += e.suggested.filter((id) => e.gold.includes(id)).length;
      fp += e.suggested.filter((id) => !e.gold.includes(id)).length;
      fn += e.gold.filter((id) => !e.suggested.includes(id)).length;
    }
    expect(file.summary.microF1.suggest).toBeCloseTo(tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
    // These English texts say their target's words outright: a working classifier gets most top-1s right.
    expect(p1).toBeGreaterThanOrEqual(0.5);

    const html = await readFile(join(dir, "out", "report.html"), "utf8");
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain("line 5 (id bad-label): unknown label id GBF-TARGET-99");
    expect((await readLatestEval(join(dir, "latest")))?.metrics.summary).toEqual(file.summary);
    expect(out.join("\n")).toContain("held-out");
    console.log(out.join("\n"));
  });
});
