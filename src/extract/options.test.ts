import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { extractOptionsFromConfig } from "./index.ts";

describe("extractOptionsFromConfig", () => {
  it("maps the upload, page, timeout, text, inflate and OCR settings", () => {
    const config = loadConfig({
      MAX_UPLOAD_MB: "2.5",
      MAX_PAGES: "40",
      EXTRACT_TIMEOUT_MS: "5000",
      OCR_ENABLED: "false",
      OCR_LANGS: "eng+fra + spa",
      MAX_TEXT_CHARS: "50000",
      MAX_DECOMPRESSED_MB: "3",
    });
    expect(extractOptionsFromConfig(config)).toEqual({
      maxBytes: 2_621_440,
      maxPages: 40,
      timeoutMs: 5000,
      maxTextChars: 50_000,
      maxDecompressedBytes: 3_145_728,
      ocr: { enabled: false, langs: ["eng", "fra", "spa"] },
    });
  });

  it("defaults to OCR in English, French and Spanish", () => {
    expect(extractOptionsFromConfig(loadConfig({})).ocr).toEqual({ enabled: true, langs: ["eng", "fra", "spa"] });
  });
});
