import { describe, expect, it } from "vitest";
import { MAX_WINDOWED_CHUNKS, scoringPieces, WINDOW_CHARS } from "./windows.ts";

const sentence = (i: number) =>
  `Sentence number ${i} reports on a separate topic of the national report in some detail here. `;

describe("scoringPieces", () => {
  it("scores a short chunk as-is and keeps the caller's vector", () => {
    const vector = new Float32Array(4);
    const pieces = scoringPieces([{ id: "c", text: "Protected areas cover 17% of the land.", vector }], 4);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.vector).toBe(vector);
  });

  it("adds sentence windows to a long chunk, at offsets into the chunk text", () => {
    const text = Array.from({ length: 12 }, (_, i) => sentence(i)).join("");
    const pieces = scoringPieces([{ id: "c", text, vector: new Float32Array(4) }], 4);
    const windows = pieces.slice(1);
    expect(pieces[0]!.text).toBe(text);
    expect(windows.length).toBeGreaterThan(2);
    for (const w of windows) {
      expect(w.vector).toBeUndefined();
      expect(w.text.length).toBeLessThanOrEqual(WINDOW_CHARS);
      expect(text.slice(w.offset, w.offset + w.text.length)).toBe(w.text);
    }
  });

  it("adds no windows when the input already has many chunks", () => {
    const text = Array.from({ length: 12 }, (_, i) => sentence(i)).join("");
    const chunks = Array.from({ length: MAX_WINDOWED_CHUNKS + 1 }, (_, i) => ({ id: `c${i}`, text }));
    expect(scoringPieces(chunks, 4)).toHaveLength(chunks.length);
  });
});
