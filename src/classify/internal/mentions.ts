/**
 * Explicit mentions of GBF targets and goals ("Target 3", "cible 3", "meta 3", "целевая задача 3",
 * "الهدف 3", "行动目标3", "Targets 1–3", "Goal B"). National reports and NBSAPs cite the targets they
 * report on; such a citation is stronger evidence than any vocabulary, so it lifts the label's
 * score after fusion. Aichi and SDG targets ("Aichi Target 11", "SDG target 15.1") are not GBF
 * targets and are skipped; a national target with the same number counts for less, since
 * national numbering only usually follows the GBF.
 */

export interface Mention {
  labelId: string;
  /** How far the mention lifts the score towards 1 (p' = p + (1 − p) × strength). */
  strength: number;
  start: number;
  end: number;
}

const GBF_STRENGTH = 0.75;
const NATIONAL_STRENGTH = 0.45;
const GOAL_STRENGTH = 0.6;

const NUM = String.raw`\d{1,2}`;
const JOIN = String.raw`\s*(?:,|&|and|or|et|ou|y|e|o|и|или|و|、|，|和|及|至|to|à|a|al|[-–—])\s*`;
// Keyword, optional "national" qualifier, then a number list. Han has no word boundaries.
const TARGET_RE = new RegExp(
  String.raw`(?:(?<![\p{L}\p{N}])(?:targets?|cibles?|metas?|(?:целев\p{L}*\s+)?задач\p{L}*|الهدف|الأهداف)|目标)` +
    String.raw`(?<national>\s+(?:nationale?s?|nacional(?:es)?)\b)?\s*(?:no\.?\s*|n°\s*|№\s*|#\s*)?(?<list>${NUM}(?:${JOIN}${NUM})*)(?![\p{N}]|[.,]\d)`,
  "giu",
);
const GOAL_RE =
  /(?<![\p{L}\p{N}])(?:[Gg]oals?|[Oo]bjectifs?|[Oo]bjetivos?|[Цц]ел\p{L}*|长期目标)\s*([A-D])(?![\p{L}\p{N}])/gu;
const NOT_GBF_WORDS = `aichi|айти|айчи|爱知|آيشي|sdgs?|odd|ods|цур|sustainable development|développement durable|desarrollo sostenible|устойчивого развития|可持续发展|التنمية المستدامة|strategic|stratégique|estratégic`;
const NOT_GBF = new RegExp(String.raw`(${NOT_GBF_WORDS})[^.;\n]{0,24}$`, "iu");
// "meta 11 de Aichi", "Target 11 of the Aichi …"; "target 2 million ha" is a quantity, not a target.
const NOT_GBF_AFTER = new RegExp(
  String.raw`^\s*(?:(?:of the|de|d'|des|del)\s*(?:${NOT_GBF_WORDS})|(?:%|per ?cent|million|billion|ha\b|hectares?|km|years?|tonnes?|millions?|millones|milliards?))`,
  "iu",
);
const NATIONAL_BEFORE = /(national|nationale?s?|nacional(?:es)?|национальн\p{L}*|الوطني\p{L}*|国家)\s*$/iu;

function numbers(list: string): number[] {
  const out: number[] = [];
  const parts = list.split(/(\d+)/u);
  let prev: number | undefined;
  let range = false;
  for (const p of parts) {
    if (/^\d+$/u.test(p)) {
      const n = Number(p);
      if (range && prev !== undefined && n > prev && n - prev <= 23) for (let k = prev + 1; k < n; k++) out.push(k);
      out.push(n);
      prev = n;
      range = false;
    } else if (/[-–—]|\b(?:to|à|a|al)\b|至/u.test(p)) range = true;
  }
  return out;
}

/** Every explicit GBF target or goal mention in the text, with offsets into it. */
export function explicitMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(TARGET_RE)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (NOT_GBF.test(before) || NOT_GBF_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30)))
      continue;
    const national = m.groups!.national !== undefined || NATIONAL_BEFORE.test(before);
    const cited = numbers(m.groups!.list!).filter((n) => n >= 1 && n <= 23);
    // A long list ("Section II covers Targets 9 to 23", a table of contents) says where a report
    // is organised, not what this passage is about: it weakens with its length and stops counting.
    const share = cited.length <= 2 ? 1 : cited.length <= 4 ? 0.5 : 0;
    if (share === 0) continue;
    const strength = (national ? NATIONAL_STRENGTH : GBF_STRENGTH) * share;
    for (const n of cited) {
      out.push({
        labelId: `GBF-TARGET-${String(n).padStart(2, "0")}`,
        strength,
        start: m.index,
        end: m.index + m[0].length,
      });
    }
  }
  for (const m of text.matchAll(GOAL_RE)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (NOT_GBF.test(before)) continue;
    out.push({ labelId: `GBF-GOAL-${m[1]}`, strength: GOAL_STRENGTH, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Lifts a probability by the strongest mention of that label (mentions do not stack). */
export function liftByMentions(p: number, strengths: number[]): number {
  const s = Math.max(0, ...strengths);
  return p + (1 - p) * s;
}
