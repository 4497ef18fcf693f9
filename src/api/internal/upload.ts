import { AppError } from "../../errors.ts";
import { uploadLimitBytes } from "./body-limits.ts";

/** Reads an uploaded file part into bytes: `empty_file` when empty, `too_large` past MAX_UPLOAD_MB. */
export async function readUpload(file: File, maxUploadMb: number): Promise<Uint8Array> {
  if (file.size === 0) throw new AppError("empty_file", "The uploaded file is empty");
  if (file.size > uploadLimitBytes(maxUploadMb)) {
    throw new AppError("too_large", `The file exceeds the ${maxUploadMb} MB upload limit`, {
      details: { size: file.size },
    });
  }
  return new Uint8Array(await file.arrayBuffer());
}

// C0/C1 controls, bidi overrides and isolates (they disguise extensions: "evil\u202Etxt.exe"),
// zero-width and other format characters, and characters no file system accepts.
const UNSAFE_NAME = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>:"|?*]/u;

/**
 * The filename to record: the base name only (a browser on Windows may send `C:\…\x.pdf`), at most
 * `maxChars` characters, no control, format or bidi characters. `undefined` when none was sent.
 * Throws `validation_failed` naming the limit.
 */
export function safeFilename(raw: string | undefined, maxChars: number): string | undefined {
  const base = (raw ?? "").split(/[\\/]/).pop()?.trim() ?? "";
  if (!base || base === "." || base === "..") return undefined;
  if ([...base].length > maxChars) {
    throw new AppError("validation_failed", `The filename is longer than ${maxChars} characters`, {
      details: [{ path: "file", message: `filename longer than MAX_FILENAME_CHARS (${maxChars})` }],
    });
  }
  if (UNSAFE_NAME.test(base)) {
    throw new AppError("validation_failed", "The filename holds control, bidi or reserved characters", {
      details: [{ path: "file", message: "filename holds control, bidi or reserved characters" }],
    });
  }
  return base.normalize("NFC");
}
