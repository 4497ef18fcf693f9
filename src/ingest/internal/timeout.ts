import { AppError } from "../../errors.ts";

/**
 * Runs `work` with an AbortSignal that fires after `ms`; rejects with `timeout` then. Not transient:
 * a document that outlives the limit once would outlive it on every attempt (MAX_CHUNKS bounds it).
 * The work must check the signal before writing anything, so a timed-out job changes nothing.
 */
export async function withTimeout<T>(ms: number, what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new AppError("timeout", `${what} took longer than ${ms} ms`, {
        details: { limit: "JOB_TIMEOUT_MS" },
      });
      controller.abort(err);
      reject(err);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
