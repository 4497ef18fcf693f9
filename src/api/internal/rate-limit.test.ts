// The rate-limit window shared by API replicas through Redis (QUEUE_URL), on a real redis-server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type RedisServer } from "../../../test/helpers/redis.ts";
import { redisWindowCounter } from "./rate-limit-redis.ts";
import { type Kit, makeKit } from "./test-kit.ts";

let redis: RedisServer;
const kits: Kit[] = [];
const counters: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());
afterEach(async () => {
  for (const k of kits.splice(0)) await k.cleanup();
  for (const c of counters.splice(0)) await c.close();
});

/** An API replica with RATE_LIMIT_PER_MINUTE 3, counting in Redis when `shared`. */
async function replica(shared: boolean): Promise<Kit> {
  const counter = shared ? redisWindowCounter(redis.url) : undefined;
  if (counter) counters.push(counter);
  const kit = await makeKit({
    config: { RATE_LIMIT_PER_MINUTE: 3 },
    ...(counter ? { deps: { rateCounter: counter } } : {}),
  });
  kits.push(kit);
  return kit;
}

const hit = async (kit: Kit) => (await kit.app.request("/v1/vocabularies")).status;

describe("rate limit across replicas", () => {
  it("shares one window between two replicas when it counts in Redis", async () => {
    const [a, b] = [await replica(true), await replica(true)];
    expect([await hit(a), await hit(b), await hit(a), await hit(b), await hit(a)]).toEqual([200, 200, 200, 429, 429]);
  });

  it("counts per process without Redis (each replica allows the full limit)", async () => {
    const [a, b] = [await replica(false), await replica(false)];
    expect([await hit(a), await hit(b), await hit(a), await hit(b), await hit(a), await hit(b)]).toEqual([
      200, 200, 200, 200, 200, 200,
    ]);
    expect(await hit(a)).toBe(429);
  });

  it("lets requests through when Redis is unreachable rather than failing the API", async () => {
    const down = redisWindowCounter("redis://127.0.0.1:1");
    counters.push(down);
    const kit = await makeKit({ config: { RATE_LIMIT_PER_MINUTE: 1 }, deps: { rateCounter: down } });
    kits.push(kit);
    expect([await hit(kit), await hit(kit)]).toEqual([200, 200]);
  });
});
