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
