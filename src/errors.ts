/**
 * The one error type of chm-lens. Domain code throws `AppError` with a literal `code`;
 * only `api/` maps codes to HTTP statuses (see `api/error-status.ts`).
 */
export const ERROR_CODES = [
  "bad_request",
  "validation_failed",
  "unsupported_media_type",
  "empty_file",
  "corrupt_file",
  "encrypted_pdf",
  "binary_as_text",
  "too_large",
  "too_many_pages",
  "extraction_failed",
  "needs_ocr",
  "ocr_failed",
  "timeout",
  "not_found",
  "conflict",
  "unknown_label",
  "unauthorized",
  "forbidden",
  "rate_limited",
  "model_unavailable",
  "store_failed",
  "storage_full",
  "config_invalid",
  "upstream_failed",
  "internal",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorOptions {
  cause?: unknown;
  details?: unknown;
  /** A transient failure may succeed on retry (the job queue backs off and retries it). */
  transient?: boolean;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly transient: boolean;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details;
    this.transient = options.transient ?? false;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Wraps anything thrown into an AppError, keeping AppErrors as they are. */
export function toAppError(value: unknown, fallback: ErrorCode = "internal"): AppError {
  if (isAppError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new AppError(fallback, message, { cause: value });
}

/** Result of one item in a batch: expected per-item failures are values, not exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
