/**
 * Politeness for one remote host: at most `concurrency` requests in flight and at most
 * `ratePerSecond` request starts per second (0 = no rate limit).
 */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createLimiter(opts: { concurrency: number; ratePerSecond: number }): Limiter {
  const gapMs = opts.ratePerSecond > 0 ? 1000 / opts.ratePerSecond : 0;
  let active = 0;
  let nextStart = 0;
  const waiting: (() => void)[] = [];

  const acquire = async () => {
    if (active >= opts.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    // Each start books the next free slot, so concurrent callers are spaced by gapMs.
    const now = Date.now();
    const at = Math.max(now, nextStart);
    nextStart = at + gapMs;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };

  return {
    async run(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
