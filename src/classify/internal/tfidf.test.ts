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

describe("TF-IDF and function words", () => {
  it("does not match a short description through the words every text has", () => {
    // "Conference of the Parties" is a whole CBD subject description; "of" and "the" once made it
    // the best TF-IDF match of a text about frogs.
    const small = createDescriptionIndex([
      { labelId: "COP", lang: "en", text: "Conference of the Parties" },
      { labelId: "COP", lang: "fr", text: "Conférence des Parties" },
      { labelId: "ENDS", lang: "en", text: "Endangered species: the recovery of threatened species of the world" },
      { labelId: "ENDS", lang: "fr", text: "Espèces menacées et le rétablissement des espèces" },
    ]);
    expect(small.score("The population of the mountain frog declined in the streams").get("COP")).toBe(0);
    expect(small.score("La population de la grenouille des montagnes a diminué").get("COP")).toBe(0);
    expect(small.score("The next Conference of the Parties meets in 2026").get("COP")).toBeGreaterThan(0.5);
  });
});
