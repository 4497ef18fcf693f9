import { describe, expect, it } from "vitest";
import { fakeEmbedder } from "../../test/helpers/fake-embedder.ts";
import { loadVocabulary } from "../vocab/index.ts";
import { createClassifierTrainer } from "./trainer.ts";
import type { LabelledExample } from "./types.ts";

const sdg = (n: number) => `SUSTAINABLE-DEVELOPMENT-GOAL-${String(n).padStart(2, "0")}`;
const gbf: LabelledExample[] = [
  { id: "g1", text: "Coral reef protected areas were expanded.", labels: ["GBF-TARGET-03"] },
  { id: "g2", text: "Degraded forest land is being restored.", labels: ["GBF-TARGET-02"] },
];
const sdgTexts: LabelledExample[] = Array.from({ length: 24 }, (_, i) => ({
  id: `s${i}`,
  text:
    i % 2
      ? `Clean drinking water and sanitation for village ${i}.`
      : `Girls' secondary school enrolment, district ${i}.`,
  labels: [i % 2 ? sdg(6) : sdg(4)],
}));
const pool: LabelledExample[] = [
  { id: "p1", text: "Household access to safe water supply improved.", labels: [sdg(6)] },
  { id: "p2", text: "Teachers were trained in rural primary schools.", labels: [sdg(4)] },
];

describe("SDG exemplars", () => {
  it("keeps the SDG texts and the exemplar pool as neighbours, minus the texts an eval holds out", async () => {
    const trainer = createClassifierTrainer({
      embedder: fakeEmbedder({ dims: 32 }),
      vocab: await loadVocabulary(),
      options: { sdgExemplars: pool },
    });
    const all = (await trainer.trainState([...gbf, ...sdgTexts])).state.sdg!;
    expect(all.exemplars!.map((e) => e.key).sort()).toEqual([...sdgTexts.map((e) => e.id), "p1", "p2"].sort());
    expect(all.off).toEqual([]);
    const held = (await trainer.trainState([...gbf, ...sdgTexts], new Set(["p2"]))).state.sdg!;
    expect(held.exemplars!.map((e) => e.key)).not.toContain("p2");
    expect(held.exemplars!.map((e) => e.key)).toContain("p1");
  });

  it("switches the exemplar features off when training has no vectors (lexical signals only)", async () => {
    const trainer = createClassifierTrainer({
      embedder: fakeEmbedder({ dims: 32 }),
      vocab: await loadVocabulary(),
      options: { sdgExemplars: pool, signals: ["tfidf", "keywords"] },
    });
    const model = (await trainer.trainState([...gbf, ...sdgTexts])).state.sdg!;
    expect(model.off).toEqual(["sem", "knn"]);
    expect(model.exemplars).toEqual([]);
  });
});
