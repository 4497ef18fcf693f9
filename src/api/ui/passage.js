// Finds an evidence passage in a page's text. The stored passage and the text it is looked up in
// come from different readers (the server's extractor, pdf.js in the browser), which split lines
// and words differently, so the match ignores whitespace and case.

/**
 * @param {string} s
 * @returns {{ text: string, at: number[] }} `s` without whitespace, lower-case, and where each kept character was in `s`.
 */
function squeeze(s) {
  let text = "";
  /** @type {number[]} */
  const at = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (/\s/.test(c)) continue;
    text += c.toLowerCase();
    at.push(i);
  }
  return { text, at };
}

/**
 * Where `passage` is in `text` ([start, end) offsets into `text`), or null. When the whole passage
 * is not there (a hyphenated line end, a ligature), its beginning or its end is looked for.
 * @param {string} text
 * @param {string} passage
 * @returns {{ start: number, end: number } | null}
 * @example findPassage("Coral  reefs\nare protected.", "reefs are") // { start: 7, end: 16 }
 */
export function findPassage(text, passage) {
  const hay = squeeze(text);
  const needle = squeeze(passage).text;
  if (!needle) return null;
  const tries = [needle, needle.slice(0, 80), needle.slice(-80), needle.slice(0, 30), needle.slice(-30)];
  for (const t of tries) {
    if (t.length < Math.min(12, needle.length)) continue;
    const i = hay.text.indexOf(t);
    if (i >= 0) return { start: hay.at[i] ?? 0, end: (hay.at[i + t.length - 1] ?? 0) + 1 };
  }
  return null;
}

/**
 * Which of `pieces` (e.g. the text items of a PDF page, in order) the passage covers.
 * @param {string[]} pieces
 * @param {string} passage
 * @returns {number[]} indexes into `pieces`
 */
export function piecesCovering(pieces, passage) {
  /** @type {number[]} */
  const starts = [];
  let text = "";
  for (const p of pieces) {
    starts.push(text.length);
    text += p;
  }
  const hit = findPassage(text, passage);
  if (!hit) return [];
  /** @type {number[]} */
  const out = [];
  pieces.forEach((p, i) => {
    const from = starts[i] ?? 0;
    if (p.trim() && from < hit.end && from + p.length > hit.start) out.push(i);
  });
  return out;
}
