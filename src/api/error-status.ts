import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorCode } from "../errors.ts";

/**
 * The ONE table from AppError codes to HTTP statuses. Domain code never knows statuses;
 * `app.onError`, `notFound` and the validation hook all go through here.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unsupported_media_type: 415,
  empty_file: 400,
  corrupt_file: 422,
  encrypted_pdf: 422,
  binary_as_text: 415,
  too_large: 413,
  too_many_pages: 413,
  extraction_failed: 422,
  needs_ocr: 422,
  ocr_failed: 422,
  timeout: 504,
  not_found: 404,
  conflict: 409,
  unknown_label: 400,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  model_unavailable: 503,
  store_failed: 503,
  /** The disk or quota under the store is full: 507 Insufficient Storage. */
  storage_full: 507,
  config_invalid: 500,
  /** A remote source (the CBD API, a Bioland site) failed or could not be reached. */
  upstream_failed: 502,
  internal: 500,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>;

/** HTTP status for an error code. */
export function statusOf(code: ErrorCode): ContentfulStatusCode {
  return ERROR_STATUS[code];
}

/** The error code a bare HTTP status (from Hono's own middleware) stands for. */
export function codeOfStatus(status: number): ErrorCode {
  if (status === 413) return "too_large";
  if (status === 415) return "unsupported_media_type";
  if (status === 404) return "not_found";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 429) return "rate_limited";
  if (status >= 400 && status < 500) return "bad_request";
  return "internal";
}
