import type { MiddlewareHandler } from "hono";
import { AppError } from "../../errors.ts";
import type { ApiEnv } from "../types.ts";
import { sendError } from "./envelope.ts";

/** Counts hits per caller in fixed windows; shared (Redis) or per process (memory). */
export interface WindowCounter {
  /** Adds one hit to `key`'s window starting at `windowStart` and returns the window's count. */
  hit(key: string, windowStart: number, windowMs: number): Promise<number>;
}

/** Windows in this process only: behind N API replicas the effective limit is N × the limit. */
export function memoryCounter(): WindowCounter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async hit(key, start) {
      let w = windows.get(key);
      if (!w || w.start !== start) {
        // Drop stale windows now and then so the map stays the size of the current minute's callers.
        if (windows.size > 10_000) for (const [k, v] of windows) if (v.start !== start) windows.delete(k);
        w = { start, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count;
    },
  };
}

/**
 * Fixed one-minute window per caller (key fingerprint, else client address). The counter is in
 * memory by default and in Redis when QUEUE_URL is set (see rate-limit-redis.ts), so API replicas
 * share one window. `perMinute` 0 turns it off. A counter that fails (Redis down) lets the request
 * through rather than taking the API down with it.
 */
export function rateLimit(
  perMinute: number,
  clientOf: (c: Parameters<MiddlewareHandler<ApiEnv>>[0]) => string,
  now: () => number = Date.now,
  counter: WindowCounter = memoryCounter(),
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (perMinute <= 0) return next();
    const t = now();
    const start = t - (t % 60_000);
    const who = c.get("principal")?.fingerprint;
    const id = who && who !== "local" ? `key:${who}` : `ip:${clientOf(c)}`;
    const count = await counter.hit(id, start, 60_000).catch(() => 0);
    const remaining = Math.max(0, perMinute - count);
    c.header("RateLimit-Limit", String(perMinute));
    c.header("RateLimit-Remaining", String(remaining));
    if (count > perMinute) {
      const retryAfter = Math.max(1, Math.ceil((start + 60_000 - t) / 1000));
      return sendError(
        c,
        new AppError("rate_limited", `Rate limit of ${perMinute} requests per minute exceeded`, {
          details: { retryAfterSeconds: retryAfter },
        }),
        { "Retry-After": String(retryAfter) },
      );
    }
    return next();
  };
}
