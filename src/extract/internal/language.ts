import { franc } from "franc";

/** franc's ISO 639-3 codes for the languages chm-lens tells apart, mapped to ISO 639-1. */
const ISO_639_3_TO_1: Record<string, string> = {
  eng: "en",
  fra: "fr",
  spa: "es",
  arb: "ar",
  rus: "ru",
  cmn: "zh",
  por: "pt",
  deu: "de",
  ita: "it",
  nld: "nl",
};
const ONLY = Object.keys(ISO_639_3_TO_1);

/** Below this many letters a guess is noise. */
const MIN_LETTERS = 20;
/** franc is trigram-based: a few thousand characters are as good as the whole document. */
const SAMPLE_CHARS = 6000;

/**
 * ISO 639-1 code of the text's language, restricted to the six UN languages plus pt, de, it, nl;
 * "und" when the text is too short or unclear.
 *
 * @example detectLanguage("La biodiversité est en déclin dans toutes les régions.") // "fr"
 */
export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  // Han script packs a word into one or two characters, so it needs fewer.
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS && han < 6) return "und";
  const code = franc(sample, { only: ONLY, minLength: 1 });
  return ISO_639_3_TO_1[code] ?? "und";
}
