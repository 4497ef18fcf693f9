import type { KeywordTable } from "./keywords.ts";
import { fold, hasHan, tokenize, type Token } from "./text.ts";

interface Compiled {
  labelId: string;
  phrase: string;
  /** Stemmed tokens, or undefined for Han phrases matched as substrings. */
  tokens?: string[];
  han?: string;
  weight: number;
}

export interface KeywordHit {
  labelId: string;
  phrase: string;
  start: number;
  end: number;
  weight: number;
}

export interface KeywordMatcher {
  /** Every phrase occurrence in the text, with offsets into it. */
  hits(text: string, tokens?: Token[]): KeywordHit[];
  /** Per-label score: Σ over distinct phrases of weight × (1 + ln count). */
  scores(hits: KeywordHit[]): Map<string, number>;
}

/**
 * Curated keyword matching with case/accent folding and light stemming. A phrase shared by many
 * labels weighs less (IDF over labels); multi-word phrases weigh more than single words, which are
 * often generic ("data", "budget").
 */
export function createKeywordMatcher(table: KeywordTable): KeywordMatcher {
  const compiled: Compiled[] = [];
  const labelsOf = new Map<string, Set<string>>();
  for (const [labelId, phrases] of table) {
    for (const { phrase } of phrases) {
      const c: Compiled = hasHan(phrase)
        ? { labelId, phrase, han: fold(phrase).replace(/\s+/g, ""), weight: 0 }
        : { labelId, phrase, tokens: tokenize(phrase).map((t) => t.term), weight: 0 };
      if (c.tokens?.length === 0) continue;
      const key = c.han ?? c.tokens!.join(" ");
      labelsOf.set(key, (labelsOf.get(key) ?? new Set()).add(labelId));
      compiled.push(c);
    }
  }
  const nLabels = Math.max(2, table.size);
  const byFirst = new Map<string, Compiled[]>();
  const han: Compiled[] = [];
  const seen = new Set<string>();
  for (const c of compiled) {
    const key = c.han ?? c.tokens!.join(" ");
    if (seen.has(`${c.labelId}|${key}`)) continue;
    seen.add(`${c.labelId}|${key}`);
    const length = c.han ? Math.min(3, c.han.length / 2) : c.tokens!.length;
    const idf = Math.log(1 + nLabels / labelsOf.get(key)!.size) / Math.log(1 + nLabels);
    c.weight = idf * (length <= 1 ? 0.5 : 1 + 0.25 * Math.min(length - 2, 4));
    if (c.han) han.push(c);
    else byFirst.set(c.tokens![0]!, [...(byFirst.get(c.tokens![0]!) ?? []), c]);
  }

  return {
    hits(text, tokens = tokenize(text)) {
      const out: KeywordHit[] = [];
      for (let i = 0; i < tokens.length; i++) {
        for (const c of byFirst.get(tokens[i]!.term) ?? []) {
          const n = c.tokens!.length;
          if (i + n > tokens.length) continue;
          let ok = true;
          for (let j = 1; j < n && ok; j++) ok = tokens[i + j]!.term === c.tokens![j];
          if (ok)
            out.push({
              labelId: c.labelId,
              phrase: c.phrase,
              start: tokens[i]!.start,
              end: tokens[i + n - 1]!.end,
              weight: c.weight,
            });
        }
      }
      if (han.length && hasHan(text)) {
        // Han text has no spaces; folding keeps CJK offsets (no combining marks to strip).
        const folded = text.toLowerCase();
        for (const c of han) {
          for (let at = folded.indexOf(c.han!); at >= 0; at = folded.indexOf(c.han!, at + 1)) {
            out.push({ labelId: c.labelId, phrase: c.phrase, start: at, end: at + c.han!.length, weight: c.weight });
          }
        }
      }
      return out;
    },
    scores(hits) {
      const perPhrase = new Map<string, { labelId: string; weight: number; count: number }>();
      for (const h of hits) {
        const k = `${h.labelId}|${h.phrase}`;
        const cur = perPhrase.get(k) ?? { labelId: h.labelId, weight: h.weight, count: 0 };
        cur.count++;
        perPhrase.set(k, cur);
      }
      const out = new Map<string, number>();
      for (const p of perPhrase.values()) {
        out.set(p.labelId, (out.get(p.labelId) ?? 0) + p.weight * (1 + Math.log(p.count)));
      }
      return out;
    },
  };
}
