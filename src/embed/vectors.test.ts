import { describe, expect, it } from "vitest";
import { maxCharsFor, modelProfile } from "./internal/model-profile.ts";
import { cosine, l2normalize } from "./index.ts";

describe("vector helpers", () => {
  it("normalises to unit length and keeps zero vectors at zero", () => {
    expect(Array.from(l2normalize([3, 4]))).toEqual([Math.fround(0.6), Math.fround(0.8)]);
    expect(Array.from(l2normalize([0, 0]))).toEqual([0, 0]);
  });

  it("scores cosine independent of length, and rejects mismatched sizes", () => {
    expect(cosine([1, 0], [5, 0])).toBeCloseTo(1);
    expect(cosine([1, 0], [0, 2])).toBeCloseTo(0);
    expect(cosine([1, 1], [-1, -1])).toBeCloseTo(-1);
    expect(cosine([0, 0], [1, 0])).toBe(0);
    expect(() => cosine([1], [1, 2])).toThrow(RangeError);
  });
});

describe("model profiles", () => {
  it("gives e5 models their prefixes and recognises multilingual families", () => {
    expect(modelProfile("Xenova/multilingual-e5-small")).toEqual({
      queryPrefix: "query: ",
      passagePrefix: "passage: ",
      multilingual: true,
    });
    expect(modelProfile("intfloat/e5-base-v2")).toMatchObject({ queryPrefix: "query: ", multilingual: false });
    expect(modelProfile("Xenova/paraphrase-multilingual-MiniLM-L12-v2")).toEqual({
      queryPrefix: "",
      passagePrefix: "",
      multilingual: true,
    });
    expect(modelProfile("Xenova/LaBSE").multilingual).toBe(true);
    expect(modelProfile("Xenova/all-MiniLM-L6-v2")).toEqual({
      queryPrefix: "",
      passagePrefix: "",
      multilingual: false,
    });
  });

  it("sizes chunks from the model window", () => {
    expect(maxCharsFor({ max_position_embeddings: 514 }, { model_max_length: 512 })).toBe(1536);
    expect(maxCharsFor({ max_position_embeddings: 514 }, { model_max_length: 1e30 })).toBe(1536);
    expect(maxCharsFor({ max_position_embeddings: 256 }, {})).toBe(768);
    expect(maxCharsFor({}, {})).toBe(1536);
  });
});
