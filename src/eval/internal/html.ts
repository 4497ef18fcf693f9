import type { Evidence } from "../../classify/types.ts";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

export function num(x: number, digits = 3): string {
  return x.toFixed(digits);
}

/** Compact label for axes: `GBF-TARGET-01` → `T1`, `GBF-GOAL-B` → `Goal B`. */
export function shortLabel(id: string): string {
  const target = /^GBF-TARGET-0?(\d+)$/.exec(id);
  if (target) return `T${target[1]}`;
  const goal = /^GBF-GOAL-([A-Z])$/.exec(id);
  if (goal) return `Goal ${goal[1]}`;
  const sdg = /^SUSTAINABLE-DEVELOPMENT-GOAL-0?(\d+)$/.exec(id);
  if (sdg) return `SDG ${sdg[1]}`;
  return id;
}

/** Label with its human title when known, for tooltips and table cells. */
export function longLabel(id: string, titles: Record<string, string> | undefined): string {
  const title = titles?.[id];
  return title ? `${shortLabel(id)} — ${title}` : shortLabel(id);
}

/**
 * The text with its evidence spans wrapped in <mark>, every piece escaped. A span is used when
 * its offsets point at its text; otherwise its text is searched for, and dropped if absent.
 */
export function highlight(text: string, evidence: Evidence[]): string {
  const spans: Array<[number, number]> = [];
  for (const ev of evidence) {
    if (!ev.text) continue;
    if (text.slice(ev.start, ev.end) === ev.text) spans.push([ev.start, ev.end]);
    else {
      const at = text.indexOf(ev.text);
      if (at >= 0) spans.push([at, at + ev.text.length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  let out = "";
  let pos = 0;
  for (const [start, end] of spans) {
    if (end <= pos) continue;
    const from = Math.max(start, pos);
    out += `${esc(text.slice(pos, from))}<mark>${esc(text.slice(from, end))}</mark>`;
    pos = end;
  }
  return out + esc(text.slice(pos));
}
