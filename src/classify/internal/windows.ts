import type { ClassifyInputChunk } from "../types.ts";
import { segmentText } from "./segment.ts";
import { hasLetters } from "./text.ts";

/**
 * Characters per scoring window: about the length of the texts the fusion was calibrated on (the
 * questions, 150 on average). 300 left a paragraph of three 110-character sentences one piece, so
 * it got one target; 150, or windowing every text over 200, cut single-topic questions into
 * sentences that each suggested something (dev micro-F1 −2.2 and −3.4 points).
 */
export const WINDOW_CHARS = 200;
/** Windows are added only for inputs of at most this many chunks (long documents have enough). */
export const MAX_WINDOWED_CHUNKS = 24;

/** A piece of text to score: a whole chunk, or a window of it at `offset` into the chunk text. */
export interface ScoredPiece {
  chunk: ClassifyInputChunk;
  text: string;
  offset: number;
  /** The chunk's own vector, when the piece is the whole chunk and the caller gave one. */
  vector?: Float32Array;
  /** A window of a longer chunk (not the whole chunk). */
  window?: boolean;
}

/**
 * The pieces to score: every chunk, plus windows of a few sentences for chunks much longer than a
 * window. The fusion's features compare labels within one text, so a long passage about several
 * targets lets only its main one through; windows give each topic a text of its own, and the
 * document score (best piece, nudged by a second) picks them up. Short texts are scored as-is.
 */
export function scoringPieces(chunks: ClassifyInputChunk[], dims: number): ScoredPiece[] {
  const out: ScoredPiece[] = [];
  const windowed = chunks.length <= MAX_WINDOWED_CHUNKS;
  for (const c of chunks) {
    out.push({
      chunk: c,
      text: c.text,
      offset: 0,
      ...(c.vector && c.vector.length === dims ? { vector: c.vector } : {}),
    });
    if (!windowed || c.text.length <= 1.5 * WINDOW_CHARS) continue;
    const spans = segmentText(c.text, WINDOW_CHARS);
    if (spans.length < 2) continue;
    for (const s of spans) {
      const text = c.text.slice(s.start, s.end);
      if (hasLetters(text)) out.push({ chunk: c, text, offset: s.start, window: true });
    }
  }
  return out;
}
