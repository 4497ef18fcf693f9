import { describe, expect, it } from "vitest";
import { testConfig } from "../config.ts";
import { chunkOptionsFor } from "./options.ts";

describe("chunkOptionsFor", () => {
  it("fills the model window with about 12% overlap by default", () => {
    expect(chunkOptionsFor(1000, testConfig())).toEqual({ size: 1000, overlap: 120 });
  });

  it("lets CHUNK_SIZE and CHUNK_OVERLAP override the model window", () => {
    expect(chunkOptionsFor(1000, testConfig({ CHUNK_SIZE: 400, CHUNK_OVERLAP: 50 }))).toEqual({
      size: 400,
      overlap: 50,
    });
    expect(chunkOptionsFor(1000, testConfig({ CHUNK_SIZE: 500 }))).toEqual({ size: 500, overlap: 60 });
  });

  it("rejects an overlap as large as the chunk", () => {
    expect(() => chunkOptionsFor(1000, testConfig({ CHUNK_SIZE: 100, CHUNK_OVERLAP: 100 }))).toThrow(/CHUNK_OVERLAP/);
  });
});
