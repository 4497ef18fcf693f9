import { sentenceSpans, type Span } from "./text.ts";

/**
 * Splits a long text into chunk spans of at most `maxChars`, breaking at paragraph and then
 * sentence boundaries; a single endless line is cut hard so that no chunk exceeds the limit.
 */
export function segmentText(text: string, maxChars: number): Span[] {
  const out: Span[] = [];
  let cur: Span | undefined;
  for (const s of sentenceSpans(text, maxChars)) {
    const breaksParagraph = cur !== undefined && /\n\s*\n/.test(text.slice(cur.end, s.start));
    if (cur && !breaksParagraph && s.end - cur.start <= maxChars) {
      cur.end = s.end;
    } else {
      if (cur) out.push(cur);
      cur = { start: s.start, end: s.end };
    }
  }
  if (cur) out.push(cur);
  return mergeTiny(out, text, maxChars);
}

/** Paragraph breaks can leave one-line headings alone; join them to the next chunk when it fits. */
function mergeTiny(spans: Span[], _text: string, maxChars: number): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && prev.end - prev.start < 80 && s.end - prev.start <= maxChars) prev.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

/** Keeps at most `max` spans, evenly spread over the text, so huge inputs stay bounded. */
export function sampleSpans<T>(spans: T[], max: number): T[] {
  if (spans.length <= max) return spans;
  const step = spans.length / max;
  return Array.from({ length: max }, (_, i) => spans[Math.floor(i * step)]!);
}
