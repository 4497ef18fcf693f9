import { describe, expect, it } from "vitest";
import { detectLanguage } from "./index.ts";

describe("detectLanguage", () => {
  it.each([
    [
      "en",
      "Protected areas now cover almost a quarter of the country, and new marine parks are planned along the coast.",
    ],
    [
      "fr",
      "Les aires protégées couvrent désormais près d'un quart du pays et de nouveaux parcs marins sont prévus sur la côte.",
    ],
    [
      "es",
      "Las áreas protegidas cubren ya casi una cuarta parte del país y se prevén nuevos parques marinos en la costa.",
    ],
    [
      "ar",
      "تغطي المناطق المحمية الآن ما يقرب من ربع مساحة البلاد، ومن المقرر إنشاء متنزهات بحرية جديدة على طول الساحل.",
    ],
    [
      "ru",
      "Охраняемые территории теперь занимают почти четверть страны, а вдоль побережья планируются новые морские парки.",
    ],
    ["zh", "保护区现已覆盖全国近四分之一的面积，沿海地区还计划建立新的海洋公园。"],
    [
      "pt",
      "As áreas protegidas cobrem agora quase um quarto do país e estão previstos novos parques marinhos ao longo da costa.",
    ],
    [
      "de",
      "Schutzgebiete bedecken inzwischen fast ein Viertel des Landes, und entlang der Küste sind neue Meeresparks geplant.",
    ],
  ])("recognises %s", (code, sentence) => {
    expect(detectLanguage(sentence)).toBe(code);
  });

  it("returns und for text too short or without letters", () => {
    expect(detectLanguage("")).toBe("und");
    expect(detectLanguage("Target 3")).toBe("und");
    expect(detectLanguage("2024 2025 12.5% 30 000")).toBe("und");
  });

  it("returns ISO 639-1 codes for long documents too", () => {
    const long = "La restauration des zones humides progresse dans toutes les régions du pays. ".repeat(500);
    expect(detectLanguage(long)).toBe("fr");
  });
});
