import { beforeAll, describe, expect, it } from "vitest";
import { createEmbedder, type Embedder } from "../../embed/index.ts";
import { join } from "node:path";
import { DEFAULT_CORPORA_DIR, loadVocabulary } from "../../vocab/index.ts";
import { loadKeywords } from "./keywords.ts";
import { buildLabels } from "./labels.ts";
import { descriptionClauses, semanticScores, type LabelVectors } from "./semantic.ts";

let embedder: Embedder;
let labels: LabelVectors[];

beforeAll(async () => {
  embedder = await createEmbedder({ backend: "use", modelsDir: "unused", model: "unused", batchSize: 32 });
  const vocab = await loadVocabulary();
  const chosen = ["GBF-TARGET-03", "GBF-TARGET-06", "GBF-TARGET-19", "GBF-TARGET-23"];
  // The descriptions the classifier embeds: titles, clauses and the curated keyword phrases.
  const keywords = await loadKeywords(join(DEFAULT_CORPORA_DIR, "keywords"), vocab);
  const infos = buildLabels(vocab, keywords).filter((l) => chosen.includes(l.id));
  labels = [];
  for (const l of infos) labels.push({ labelId: l.id, vectors: await embedder.embed(l.descriptions, "passage") });
}, 300_000);

describe("semantic signal (real USE model)", () => {
  it.each([
    ["Rats and other introduced predators were removed from offshore islands to protect seabirds.", "GBF-TARGET-06"],
    ["The government expanded the network of national parks and nature reserves.", "GBF-TARGET-03"],
    ["Domestic public budgets and international aid for biodiversity doubled.", "GBF-TARGET-19"],
    ["Women's leadership in community forest committees was strengthened.", "GBF-TARGET-23"],
  ])("ranks the matching target first for %s", async (text, expected) => {
    const [vec] = await embedder.embed([text], "passage");
    const scores = semanticScores(vec!, labels);
    const best = [...scores].sort((a, b) => b[1].top3 - a[1].top3)[0]![0];
    expect(best).toBe(expected);
    // The single closest description agrees: the right target also wins on its best clause.
    const bestClause = [...scores].sort((a, b) => b[1].max - a[1].max)[0]![0];
    expect(bestClause).toBe(expected);
  });
});

describe("descriptionClauses", () => {
  it("splits a target's text into clauses worth embedding alone", () => {
    const clauses = descriptionClauses(
      "Ensure that by 2030 at least 30 per cent of areas are conserved; recognizing indigenous territories, including through other measures.",
    );
    expect(clauses).toContain("Ensure that by 2030 at least 30 per cent of areas are conserved;");
    expect(clauses.length).toBeGreaterThanOrEqual(2);
  });
});

describe("semanticScores (plain vectors)", () => {
  const v = (...xs: number[]) => Float32Array.from(xs);
  it("takes the best description and the mean of the best three, with fewer than three too", () => {
    const labels: LabelVectors[] = [
      { labelId: "four", vectors: [v(0.1, 0), v(0.9, 0), v(0.5, 0), v(0.7, 0)] },
      { labelId: "two", vectors: [v(0.2, 0), v(0.6, 0)] },
      { labelId: "none", vectors: [] },
    ];
    const s = semanticScores(v(1, 0), labels);
    expect(s.get("four")!.max).toBeCloseTo(0.9);
    expect(s.get("four")!.top3).toBeCloseTo((0.9 + 0.7 + 0.5) / 3);
    expect(s.get("two")).toMatchObject({ max: expect.closeTo(0.6), top3: expect.closeTo(0.4) });
    expect(s.get("none")).toEqual({ max: 0, top3: 0 });
  });
});
