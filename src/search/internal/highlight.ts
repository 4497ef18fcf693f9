import type { Snippet } from "../types.ts";

// Words too common to be worth marking (the keyword index still sees them).
const STOP = new Set(
  "a an and are as at be by de des du en et for from in is it la le les of on or the to with y el los las".split(" "),
);

/** Distinct lower-case query words worth highlighting, in query order. */
export function queryTerms(q: string): string[] {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => !STOP.has(w) && (w.length > 1 || /\p{N}/u.test(w))))];
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);

/** The same matches with a Unicode pattern: for texts whose lower case changes their length. */
function findMatchesByPattern(text: string, terms: string[]): { start: number; end: number; term: string }[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${terms.map(escapeRegex).join("|")})[\\p{L}\\p{N}]*`, "giu");
  return [...text.matchAll(re)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    term: (m[1] ?? m[0]).toLowerCase(),
  }));
}

/**
 * Every occurrence of any term (word-prefix match: "reef" marks "reefs"), in text order; at one
 * word start the earlier query term wins. Plain substring search over the lower-cased text: the
 * Unicode pattern it replaces cost ~30 µs per passage, and a search matches 55 passages.
 */
export function findMatches(text: string, terms: string[]): { start: number; end: number; term: string }[] {
  if (terms.length === 0) return [];
  const lower = text.toLowerCase();
  // A few characters change length in lower case (İ → i̇): offsets would drift, so use the pattern.
  if (lower.length !== text.length) return findMatchesByPattern(text, terms);
  const byStart = new Map<number, { start: number; end: number; term: string }>();
  for (const term of terms) {
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
      if (byStart.has(at) || isWordChar(lower[at - 1])) continue;
      let end = at + term.length;
      while (isWordChar(lower[end])) end++;
      byStart.set(at, { start: at, end, term });
    }
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/** The terms that start a word somewhere in `text` (the same rule as findMatches). */
export function termsPresent(text: string, terms: string[]): Set<string> {
  const lower = text.toLowerCase();
  const found = new Set<string>();
  for (const term of terms) {
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
      if (!isWordChar(lower[at - 1])) {
        found.add(term);
        break;
      }
    }
  }
  return found;
}

/**
 * A window of `text` (about `width` chars) around the densest cluster of query terms, as
 * plain text with match offsets and as HTML: the text is escaped FIRST, then `<mark>` added,
 * so a document can never inject markup into the results page.
 */
export function makeSnippet(text: string, terms: string[], width = 240): Snippet {
  const matches = findMatches(text, terms);
  let start = 0;
  if (text.length > width && matches.length > 0) {
    // Start the window so it holds the most matches, a little before the first of them.
    let best = 0;
    let bestCount = 0;
    for (let i = 0; i < matches.length; i++) {
      let n = 0;
      for (let j = i; j < matches.length && matches[j]!.end - matches[i]!.start <= width; j++) n++;
      if (n > bestCount) [best, bestCount] = [i, n];
    }
    start = Math.max(0, Math.min(matches[best]!.start - Math.floor(width / 5), text.length - width));
  }
  let end = Math.min(text.length, start + width);
  // Snap to word boundaries so the window does not cut words in half.
  if (start > 0) {
    const sp = text.indexOf(" ", start);
    if (sp !== -1 && sp - start < 20) start = sp + 1;
  }
  if (end < text.length) {
    const sp = text.lastIndexOf(" ", end);
    if (sp > start && end - sp < 20) end = sp;
  }
  const prefix = start > 0 ? "…" : "";
  const suffix = end < text.length ? "…" : "";
  const inWindow = matches.filter((m) => m.start >= start && m.end <= end);
  let html = escapeHtml(prefix);
  let at = start;
  for (const m of inWindow) {
    html += `${escapeHtml(text.slice(at, m.start))}<mark>${escapeHtml(text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  html += escapeHtml(text.slice(at, end)) + escapeHtml(suffix);
  const shift = prefix.length - start;
  return {
    text: prefix + text.slice(start, end) + suffix,
    html,
    matches: inWindow.map((m) => ({ start: m.start + shift, end: m.end + shift })),
    chunkStart: start,
    chunkEnd: end,
  };
}
