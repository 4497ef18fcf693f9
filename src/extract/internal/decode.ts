import { detect } from "chardet";
import { AppError } from "../../errors.ts";
import { decodeWindows1252 } from "./windows-1252.ts";

export interface DecodedText {
  text: string;
  /** WHATWG encoding label actually used. */
  encoding: string;
}

const binaryError = () =>
  new AppError(
    "binary_as_text",
    "The file is not readable text: it contains binary data. Upload a PDF, Word (DOCX), HTML or plain-text file.",
  );

/**
 * Decodes bytes that claim to be text: UTF-8 (BOM stripped), UTF-16 LE/BE (BOM or NUL pattern),
 * else the charset chardet guesses (Latin-1/Windows-1252 and friends).
 * Throws `binary_as_text` for bytes that are not text at all.
 */
export function decodeText(bytes: Uint8Array, charsetHint?: string): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return checked(new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), bom.encoding);
  const utf16 = guessUtf16(bytes);
  if (utf16) return checked(new TextDecoder(utf16).decode(bytes), utf16);
  if (bytes.includes(0)) throw binaryError();
  try {
    return checked(new TextDecoder("utf-8", { fatal: true }).decode(bytes), "utf-8");
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  const encoding = pickLegacyEncoding(charsetHint ?? detect(bytes));
  const text = encoding === "windows-1252" ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
  return checked(text, encoding);
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/** Text in UTF-16 without BOM has NULs in every other byte (for Latin-script text). */
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs > 0.4 && evenZeros / pairs < 0.02) return "utf-16le";
  if (evenZeros / pairs > 0.4 && oddZeros / pairs < 0.02) return "utf-16be";
  return undefined;
}

function pickLegacyEncoding(guess: string | null): string {
  const label = (guess ?? "").toLowerCase();
  // Latin-1 is almost always Windows-1252 in practice (curly quotes, euro sign in 0x80–0x9F).
  if (label === "" || label === "iso-8859-1" || label === "ascii") return "windows-1252";
  if (label.startsWith("utf-16") || label.startsWith("utf-32")) return "windows-1252";
  try {
    // Normalise aliases (latin1, cp1252, iso-8859-15 …) to the WHATWG name.
    return new TextDecoder(label).encoding;
  } catch {
    return "windows-1252";
  }
}

/** Rejects decoded text with many control characters: binary data that happened to decode. */
function checked(text: string, encoding: string): DecodedText {
  const sample = text.slice(0, 20_000);
  let controls = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0) ?? 0;
    const isControl = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f);
    if (isControl) controls++;
  }
  if (sample.length > 0 && controls / sample.length > 0.02) throw binaryError();
  return { text: text.replace(/^\ufeff/, ""), encoding };
}
