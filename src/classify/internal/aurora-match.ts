/**
 * Evaluates a parsed Scopus query (aurora-parse.ts) over a tokenised text. A match is a set of
 * token spans (the evidence); proximity never crosses fields.
 *
 * Semantics, following Scopus's documentation:
 * - a loose phrase matches its words in order, adjacent, ignoring case, accents and punctuation
 *   ("micro-plastic*" matches "micro plastics"); a word without a wildcard also matches its plural
 *   (`s`, `es`, `y` → `ies`), as Scopus does;
 * - `*` stands for any number of letters or digits (none included), `?` for exactly one;
 * - an {exact phrase} matches those characters (case-insensitive, punctuation kept), no wildcards;
 * - `a W/n b`: at most n words between a and b, either order; `a PRE/n b`: b follows a with at
 *   most n words between; chained proximity applies to the span matched so far.
 */
import type { AuroraField, QueryNode } from "./aurora-parse.ts";

export interface AuroraToken {
  term: string;
  start: number;
  end: number;
  field: AuroraField;
  pos: number;
}

export interface PreparedText {
  text: string;
  tokens: AuroraToken[];
  byTerm: Map<string, number[]>;
  sortedTerms: string[];
  fieldText: Array<{ field: AuroraField; start: number; end: number }>;
  memo: Map<string, number[]>;
}

/** Token positions, inclusive. */
interface PosSpan {
  from: number;
  to: number;
}

export interface CharSpan {
  start: number;
  end: number;
}

/** Positions between fields, so no W/n can reach across them. */
const FIELD_GAP = 10_000;
/** Spans kept per node: enough evidence, bounded work for long texts. */
const MAX_SPANS = 64;
const WORD = /[\p{L}\p{N}]+/gu;

const foldWord = (w: string) =>
  w
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();

/**
 * Tokenises a record's fields (title, abstract, keywords; plain text is all `abs`). Offsets are
 * into the fields joined by blank lines, which is `text` itself when only `abs` is given.
 */
export function prepareText(fields: Partial<Record<Exclude<AuroraField, "all">, string>> | string): PreparedText {
  const parts = typeof fields === "string" ? [{ field: "abs" as const, text: fields }] : fieldParts(fields);
  const tokens: AuroraToken[] = [];
  const fieldText: PreparedText["fieldText"] = [];
  let text = "";
  parts.forEach((p, k) => {
    if (k > 0) text += "\n\n";
    const base = text.length;
    fieldText.push({ field: p.field, start: base, end: base + p.text.length });
    let pos = k * FIELD_GAP;
    for (const m of p.text.matchAll(WORD)) {
      tokens.push({
        term: foldWord(m[0]),
        start: base + m.index,
        end: base + m.index + m[0].length,
        field: p.field,
        pos,
      });
      pos++;
    }
    text += p.text;
  });
  const byTerm = new Map<string, number[]>();
  tokens.forEach((t, i) => byTerm.set(t.term, [...(byTerm.get(t.term) ?? []), i]));
  return { text, tokens, byTerm, sortedTerms: [...byTerm.keys()].sort(), fieldText, memo: new Map() };
}

function fieldParts(f: Partial<Record<Exclude<AuroraField, "all">, string>>) {
  return (["title", "abs", "key"] as const).filter((k) => f[k]).map((k) => ({ field: k, text: f[k]! }));
}

function wordPositions(doc: PreparedText, pattern: string): number[] {
  const hit = doc.memo.get(pattern);
  if (hit) return hit;
  let out: number[] = [];
  if (!/[*?]/.test(pattern)) {
    const forms = [pattern, `${pattern}s`, `${pattern}es`];
    if (pattern.endsWith("y")) forms.push(`${pattern.slice(0, -1)}ies`);
    for (const f of forms) out.push(...(doc.byTerm.get(f) ?? []));
  } else if (/^[^*?]+\*$/.test(pattern)) {
    // Trailing wildcard: a prefix range of the sorted terms.
    const prefix = pattern.slice(0, -1);
    let lo = 0;
    let hi = doc.sortedTerms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (doc.sortedTerms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < doc.sortedTerms.length && doc.sortedTerms[i]!.startsWith(prefix); i++)
      out.push(...doc.byTerm.get(doc.sortedTerms[i]!)!);
  } else {
    const src = pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, "[\\p{L}\\p{N}]*")
      .replace(/\?/g, "[\\p{L}\\p{N}]");
    const re = new RegExp(`^${src}$`, "u");
    for (const t of doc.sortedTerms) if (re.test(t)) out.push(...doc.byTerm.get(t)!);
  }
  out = out.sort((a, b) => a - b);
  doc.memo.set(pattern, out);
  return out;
}

function phraseSpans(doc: PreparedText, words: string[], field: AuroraField): PosSpan[] {
  const lists = words.map((w) => new Set(wordPositions(doc, w)));
  const out: PosSpan[] = [];
  for (const i of lists[0]!) {
    if (field !== "all" && doc.tokens[i]!.field !== field) continue;
    let ok = true;
    for (let j = 1; j < words.length && ok; j++) {
      const t = doc.tokens[i + j];
      ok = t !== undefined && lists[j]!.has(i + j) && t.field === doc.tokens[i]!.field;
    }
    if (ok) out.push({ from: i, to: i + words.length - 1 });
    if (out.length >= MAX_SPANS) break;
  }
  return out;
}

function exactSpans(doc: PreparedText, phrase: string, field: AuroraField): PosSpan[] {
  const lower = doc.text.toLowerCase();
  const out: PosSpan[] = [];
  for (let at = lower.indexOf(phrase); at >= 0 && out.length < MAX_SPANS; at = lower.indexOf(phrase, at + 1)) {
    const end = at + phrase.length;
    // Whole words only: "sea" must not match inside "research".
    if (/[\p{L}\p{N}]/u.test(lower[at - 1] ?? "") || /[\p{L}\p{N}]/u.test(lower[end] ?? "")) continue;
    const from = doc.tokens.findIndex((t) => t.end > at);
    let to = from;
    while (to + 1 < doc.tokens.length && doc.tokens[to + 1]!.start < end) to++;
    if (from < 0 || (field !== "all" && doc.tokens[from]!.field !== field)) continue;
    out.push({ from, to });
  }
  return out;
}

function near(doc: PreparedText, left: PosSpan[], right: PosSpan[], n: number, ordered: boolean): PosSpan[] {
  const out: PosSpan[] = [];
  const pos = (i: number) => doc.tokens[i]!.pos;
  for (const l of left) {
    for (const r of right) {
      const after = pos(r.from) > pos(l.to) && pos(r.from) - pos(l.to) - 1 <= n;
      const before = !ordered && pos(l.from) > pos(r.to) && pos(l.from) - pos(r.to) - 1 <= n;
      if (after || before) out.push({ from: Math.min(l.from, r.from), to: Math.max(l.to, r.to) });
      if (out.length >= MAX_SPANS) return out;
    }
  }
  return out;
}

function evaluate(doc: PreparedText, node: QueryNode, field: AuroraField): PosSpan[] {
  switch (node.kind) {
    case "phrase":
      return phraseSpans(doc, node.words, field);
    case "exact":
      return exactSpans(doc, node.text, field);
    case "field":
      return evaluate(doc, node.body, node.field === "all" ? field : node.field);
    case "or":
      return [...evaluate(doc, node.left, field), ...evaluate(doc, node.right, field)].slice(0, MAX_SPANS);
    case "and": {
      const l = evaluate(doc, node.left, field);
      if (!l.length) return l;
      const r = evaluate(doc, node.right, field);
      return r.length ? [...l, ...r].slice(0, MAX_SPANS) : [];
    }
    case "andNot": {
      const l = evaluate(doc, node.left, field);
      return l.length && !evaluate(doc, node.right, field).length ? l : [];
    }
    case "near": {
      const l = evaluate(doc, node.left, field);
      if (!l.length) return l;
      return near(doc, l, evaluate(doc, node.right, field), node.n, node.ordered);
    }
  }
}

/**
 * The character spans that satisfy the query, or an empty list when it does not match.
 *
 * @example matchQuery(parseQuery('"poverty" W/3 "reduc*"'), prepareText("reducing extreme poverty"))
 */
export function matchQuery(node: QueryNode, doc: PreparedText, field: AuroraField = "all"): CharSpan[] {
  return evaluate(doc, node, field).map((s) => ({ start: doc.tokens[s.from]!.start, end: doc.tokens[s.to]!.end }));
}
