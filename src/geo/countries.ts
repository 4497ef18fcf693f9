import { createRequire } from "node:module";
import type { Country as WorldCountry } from "world-countries";
import type { UnLanguage } from "../vocab/types.ts";

/** A country as chm-lens shows it: ISO 3166 alpha-2 (lower case, as the CHM's `government_s`). */
export interface Country {
  code: string;
  /** ISO 3166 numeric (the ids of the world-atlas shapes). */
  numeric: string;
  /** Common name per UN language (English when a translation is missing). */
  names: Record<UnLanguage, string>;
  region: string;
  subregion: string;
}

// world-countries keys its translations by ISO 639-3.
const LANG3: Record<Exclude<UnLanguage, "en">, string> = { fr: "fra", es: "spa", ar: "ara", ru: "rus", zh: "zho" };

function toCountry(c: WorldCountry): Country {
  const en = c.name.common;
  const tr = (l: keyof typeof LANG3) =>
    (c.translations as Record<string, { common: string } | undefined>)[LANG3[l]]?.common ?? en;
  return {
    code: c.cca2.toLowerCase(),
    numeric: c.ccn3,
    names: { en, fr: tr("fr"), es: tr("es"), ar: tr("ar"), ru: tr("ru"), zh: tr("zh") },
    region: c.region,
    subregion: c.subregion ?? c.region,
  };
}

/** Country reference data (names in the six UN languages, regions), loaded once per call site. */
export interface Countries {
  all(): Country[];
  get(code: string): Country | undefined;
  byNumeric(numeric: string): Country | undefined;
  /** The English name, or the code itself for an unknown one. */
  name(code: string, language?: UnLanguage): string;
}

/**
 * Builds the country table from the `world-countries` package (no network).
 *
 * @example
 * const countries = createCountries();
 * countries.name("fr", "es"); // "Francia"
 */
export function createCountries(): Countries {
  // The package ships CommonJS JSON; its typings describe the array the JSON holds.
  const all = createRequire(import.meta.url)("world-countries/countries.json") as WorldCountry[];
  const list = all.filter((c) => /^[A-Z]{2}$/.test(c.cca2)).map(toCountry);
  const byCode = new Map(list.map((c) => [c.code, c]));
  const byNum = new Map(list.filter((c) => c.numeric).map((c) => [c.numeric, c]));
  return {
    all: () => list,
    get: (code) => byCode.get(code.toLowerCase()),
    byNumeric: (n) => byNum.get(n),
    name: (code, language = "en") => byCode.get(code.toLowerCase())?.names[language] ?? code,
  };
}
