import { type AppError, toAppError } from "../../errors.ts";
import type { Logger } from "../../logger.ts";

/** Errors that say the store or broker cannot write right now (disk full, I/O), not that the job is bad. */
export function isStorageError(error: AppError): boolean {
  const code: string = error.code;
  return code === "store_failed" || code === "storage_full";
}

/** The idle loop's delay after `failures` storage failures in a row: doubling from pollMs, at most capMs. */
export function loopDelayMs(pollMs: number, failures: number, capMs: number): number {
  return Math.min(capMs, pollMs * 2 ** Math.min(Math.max(0, failures), 20));
}

export interface RetryOptions {
  pollMs: number;
  /** Longest pause between two tries. */
  capMs: number;
  /** Give up after this long (the job's lease: past it the job is recovered elsewhere anyway). */
  giveUpAfterMs: number;
  /** False once retrying is pointless (the lease was lost). */
  keepTrying: () => boolean;
  log: Logger;
  what: string;
}

/**
 * Records a job's outcome, retrying with backoff while the store cannot write (a full disk frees
 * up, a broker reconnects). A lost lease (`conflict`) or a missing job is final and thrown at once.
 */
export async function retryTransition<T>(transition: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const started = Date.now();
  for (let failures = 1; ; failures++) {
    try {
      return await transition();
    } catch (e) {
      const err = toAppError(e);
      const final = err.code === "conflict" || err.code === "not_found";
      if (final || !opts.keepTrying() || Date.now() - started > opts.giveUpAfterMs) throw err;
      const wait = loopDelayMs(opts.pollMs, failures, opts.capMs);
      opts.log.warn({ code: err.code, err: err.message, retryInMs: wait }, `could not ${opts.what} the job: retrying`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
