import { Redis } from "ioredis";
import type { WindowCounter } from "./rate-limit.ts";

/**
 * The rate-limit windows in Redis (QUEUE_URL), shared by every API replica: one INCR per request,
 * the key expiring with its window. Commands fail fast while Redis is unreachable (no offline
 * queue), and the middleware then lets requests through.
 */
export function redisWindowCounter(url: string): WindowCounter & { close(): Promise<void> } {
  const client = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  client.on("error", () => undefined); // reported through the failing hit(); reconnects by itself
  let connecting: Promise<void> | undefined;
  return {
    async hit(key, windowStart, windowMs) {
      if (client.status === "wait") await (connecting ??= client.connect());
      const k = `chm-lens:rate:${windowStart}:${key}`;
      const [[e1, count], [e2]] = (await client
        .multi()
        .incr(k)
        .pexpire(k, windowMs * 2)
        .exec()) as [[Error | null, number], [Error | null, unknown]];
      if (e1 || e2) throw e1 ?? e2;
      return count;
    },
    async close() {
      client.disconnect();
    },
  };
}
