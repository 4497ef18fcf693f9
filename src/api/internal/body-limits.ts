import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../errors.ts";
import type { ApiEnv } from "../types.ts";

const MB = 1024 * 1024;
/** Multipart framing (boundaries, the other form fields) on top of the file itself. */
const MULTIPART_SLACK = 64 * 1024;

/**
 * Caps every request body before anything parses it: multipart bodies at MAX_UPLOAD_MB,
 * everything else (JSON) at MAX_BODY_MB. Both answer 413 `too_large` in the envelope.
 */
export function bodyLimits(maxUploadMb: number, maxBodyMb: number): MiddlewareHandler<ApiEnv> {
  const tooLarge = (limitMb: number) => () => {
    throw new AppError("too_large", `The request body exceeds the ${limitMb} MB limit`, {
      details: { limitBytes: Math.round(limitMb * MB) },
    });
  };
  const upload = bodyLimit({ maxSize: Math.round(maxUploadMb * MB) + MULTIPART_SLACK, onError: tooLarge(maxUploadMb) });
  const body = bodyLimit({ maxSize: Math.round(maxBodyMb * MB), onError: tooLarge(maxBodyMb) });
  return async (c, next) => {
    const type = c.req.header("content-type")?.toLowerCase() ?? "";
    return type.startsWith("multipart/form-data") ? upload(c, next) : body(c, next);
  };
}

/** The upload cap in bytes (the file part alone is checked against it too). */
export function uploadLimitBytes(maxUploadMb: number): number {
  return Math.round(maxUploadMb * MB);
}
