import type { MiddlewareHandler } from "hono";
import { AppError } from "../../errors.ts";
import type { ApiEnv } from "../types.ts";
import { sendError } from "./envelope.ts";

/**
 * Fixed one-minute window per caller (key fingerprint, else client address), in memory.
 * Each API process counts on its own: behind several replicas the effective limit is
 * N × RATE_LIMIT_PER_MINUTE unless this moves to a shared store (Redis, the gateway).
 * `perMinute` 0 turns it off.
 */
export function rateLimit(
  perMinute: number,
  clientOf: (c: Parameters<MiddlewareHandler<ApiEnv>>[0]) => string,
  now: () => number = Date.now,
): MiddlewareHandler<ApiEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    if (perMinute <= 0) return next();
    const t = now();
    const start = t - (t % 60_000);
    const who = c.get("principal")?.fingerprint;
    const id = who && who !== "local" ? `key:${who}` : `ip:${clientOf(c)}`;
    let w = windows.get(id);
    if (!w || w.start !== start) {
      // Drop stale windows now and then so the map stays the size of the current minute's callers.
      if (windows.size > 10_000) for (const [k, v] of windows) if (v.start !== start) windows.delete(k);
      w = { start, count: 0 };
      windows.set(id, w);
    }
    w.count += 1;
    const remaining = Math.max(0, perMinute - w.count);
    c.header("RateLimit-Limit", String(perMinute));
    c.header("RateLimit-Remaining", String(remaining));
    if (w.count > perMinute) {
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
