import { isAppError, toAppError, type AppError } from "../../errors.ts";
import type { JobRecord } from "../../store/types.ts";

/** Bad input (a non-transient AppError) fails at once; transient and unknown errors (I/O) may be retried. */
export function isRetryable(error: unknown): boolean {
  return isAppError(error) ? error.transient : true;
}

/** Delay before attempt `attempts + 1`: JOB_BACKOFF_MS, doubled for each attempt already made. */
export function backoffMs(baseMs: number, attempts: number): number {
  return baseMs * 2 ** Math.max(0, attempts - 1);
}

/** The job patch after a failed attempt: back to `queued` with a later `notBefore`, or `failed`. */
export function failurePatch(job: JobRecord, error: unknown, now: Date, baseMs: number): Partial<JobRecord> {
  const err: AppError = toAppError(error);
  const common = {
    errorCode: err.code,
    errorMessage: err.message,
    updatedAt: now.toISOString(),
    leaseUntil: undefined,
  };
  if (isRetryable(error) && job.attempts < job.maxAttempts) {
    const notBefore = new Date(now.getTime() + backoffMs(baseMs, job.attempts)).toISOString();
    return { ...common, state: "queued", notBefore };
  }
  return { ...common, state: "failed" };
}
