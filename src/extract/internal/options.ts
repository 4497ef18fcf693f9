import type { Config } from "../../config.ts";
import type { ExtractOptions } from "../types.ts";

/** Extraction limits and OCR settings from the service configuration. */
export function extractOptionsFromConfig(config: Config): ExtractOptions {
  return {
    maxBytes: Math.floor(config.MAX_UPLOAD_MB * 1024 * 1024),
    maxPages: config.MAX_PAGES,
    timeoutMs: config.EXTRACT_TIMEOUT_MS,
    maxTextChars: config.MAX_TEXT_CHARS,
    maxDecompressedBytes: Math.floor(config.MAX_DECOMPRESSED_MB * 1024 * 1024),
    ocr: {
      enabled: config.OCR_ENABLED,
      langs: config.OCR_LANGS.split("+")
        .map((l) => l.trim())
        .filter((l) => l !== ""),
    },
  };
}
