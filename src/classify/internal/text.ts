/** Case- and accent-folding, tokenising and light stemming shared by the lexical signals. */
import { StemmerRu } from "@nlpjs/lang-ru";

const ru = new StemmerRu();

const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Lower-cases and strips diacritics (é→e, ñ→n); keeps Arabic/Cyrillic/Han letters. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

const LATIN_SUFFIXES = [
  "ations",
  "ation",
  "ements",
  "ement",
  "ments",
  "ment",
  "iones",
  "ions",
  "ion",
  "ings",
  "ing",
  "ies",
  "ied",
  "y",
  "eaux",
  "aux",
  "ales",
  "ers",
  "ed",
  "es",
  "er",
  "s",
  "e",
  "a",
  "o",
  "x",
];
const ARABIC_SUFFIXES = ["ات", "ين", "ون", "ية", "ة", "ي"];

/**
 * Light stemming of a folded Latin or Arabic token: strips one common inflectional ending
 * (English/French/Spanish, Arabic) and the Arabic article, keeping at least three letters. Applied
 * identically to keywords and text, so "protected", "protection" and "protections" meet at
 * "protect". Russian goes through a Snowball stemmer instead (`termOf`).
 */
export function stem(token: string): string {
  let t = token;
  if (/^[\u0600-\u06ff]/.test(t)) {
    if (t.startsWith("ال") && t.length > 4) t = t.slice(2);
    else if (/^[وب]ال/.test(t) && t.length > 5) t = t.slice(3);
    // li- before the article drops its alif: لل = ل + ال ("for the").
    else if (t.startsWith("لل") && t.length > 4) t = t.slice(2);
    return strip(t, ARABIC_SUFFIXES, 3);
  }
  let once = strip(t, LATIN_SUFFIXES, 4);
  // Plural then gender (exóticas → exotica → exotic) so every form of an adjective meets.
  if (once.length < t.length && /(s|x)$/.test(t)) once = strip(once, ["a", "o", "e"], 4);
  // especie/especies, policy/policies, protégée/protégées: one more i or e goes, so forms meet.
  return strip(once, ["i", "e"], 4);
}

function strip(t: string, suffixes: string[], min: number): string {
  for (const s of suffixes) {
    if (t.length - s.length >= min && t.endsWith(s)) return t.slice(0, -s.length);
  }
  return t;
}

export interface Token {
  /** Stemmed, folded form. */
  term: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Tokens with offsets into the original (unfolded) text. Han runs become one token per character
 * so that two-character words can be matched as bigrams.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // Folding can change lengths (ligatures, ß); tokenising the original keeps offsets exact.
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    if (hasHan(raw)) {
      for (let i = 0; i < raw.length; i++) out.push({ term: raw[i]!, start: start + i, end: start + i + 1 });
      continue;
    }
    out.push({ term: termOf(raw), start, end: start + raw.length });
  }
  return out;
}

/**
 * A word's index term. Russian inflects by case, and a suffix list cut "биоразнообразие" and
 * "биоразнообразия" differently, so Cyrillic words take the Snowball Russian stemmer (before
 * folding, which would turn й into и). Snowball's Arabic stemmer measured worse than the light one.
 */
function termOf(raw: string): string {
  if (/^[\u0400-\u04ff]/.test(raw)) return fold(ru.stemWord(raw.toLowerCase()));
  return stem(fold(raw));
}

/** Stemmed terms only. */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}

export interface Span {
  start: number;
  end: number;
}

/** Sentence spans (., !, ?, ;, 。, line breaks) with offsets into the text; long runs are cut. */
export function sentenceSpans(text: string, maxLen = 600): Span[] {
  const out: Span[] = [];
  const re = /[^.!?;。！？\n]+(?:[.!?;。！？]+|\n+|$)/gu;
  for (const m of text.matchAll(re)) {
    let start = m.index;
    const end = start + m[0].length;
    while (start < end) {
      const stop = Math.min(end, start + maxLen);
      const s = trimSpan(text, start, stop);
      if (s.end > s.start) out.push(s);
      start = stop;
    }
  }
  return out;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

export function hasLetters(text: string): boolean {
  return /\p{L}/u.test(text);
}
