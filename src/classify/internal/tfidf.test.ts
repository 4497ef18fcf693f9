import { beforeAll, describe, expect, it } from "vitest";
import { loadVocabulary } from "../../vocab/index.ts";
import { buildLabels } from "./labels.ts";
import { createDescriptionIndex, type DescriptionIndex } from "./tfidf.ts";

let index: DescriptionIndex;
beforeAll(async () => {
  const vocab = await loadVocabulary();
  // Descriptions only (no keywords): the six-language target texts alone must carry the signal.
  const gbf = buildLabels(vocab, new Map()).filter((l) => l.space === "gbf");
  index = createDescriptionIndex(gbf.flatMap((l) => l.docs));
});

const best = (text: string) => [...index.score(text)].sort((a, b) => b[1] - a[1])[0]![0];

describe("TF-IDF against the target descriptions", () => {
  it("matches English, French, Spanish, Russian and Chinese text to the target it paraphrases", () => {
    expect(best("halve the introduction and establishment of invasive alien species")).toBe("GBF-TARGET-06");
    expect(best("réduire de moitié l'introduction d'espèces exotiques envahissantes")).toBe("GBF-TARGET-06");
    expect(best("reducir los riesgos de plaguicidas y la pérdida de nutrientes")).toBe("GBF-TARGET-07");
    expect(best("гендерное равенство при осуществлении рамочной программы")).toBe("GBF-TARGET-23");
    expect(best("遗传资源和数字序列信息的惠益分享")).toBe("GBF-TARGET-13");
  });

  it("gives zero to a text that shares nothing with a label", () => {
    expect(index.score("zzzz qqqq").get("GBF-TARGET-01")).toBe(0);
  });
});
