// The index refresh (FTS + ANN optimize on Lance's threads) ran in the middle of the next document's
// embedding and took a fifth of the encoder's 2 cores (bench:ingest: embedding inside the pipeline
// 1,739 ms for 338 chunks, 1,410 ms for the same texts alone). While a job holds it, the refresh
// waits, but never longer than `maxDeferMs`, so a long harvest still gets fresh indexes.
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { createIndexRefresh } from "./internal/maintenance.ts";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it("waits for the holder to let go before refreshing", async () => {
  const run = vi.fn(async () => {});
  const refresh = createIndexRefresh({ delayMs: 1000, maxDeferMs: 60_000, run });
  const release = refresh.hold();
  refresh.noteWrite();
  await vi.advanceTimersByTimeAsync(5000);
  expect(run).not.toHaveBeenCalled();
  release();
  await vi.advanceTimersByTimeAsync(1000);
  expect(run).toHaveBeenCalledTimes(1);
});

it("refreshes anyway once the writes have waited maxDeferMs", async () => {
  const run = vi.fn(async () => {});
  const refresh = createIndexRefresh({ delayMs: 1000, maxDeferMs: 10_000, run });
  refresh.hold();
  refresh.noteWrite();
  await vi.advanceTimersByTimeAsync(9000);
  expect(run).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(2000);
  expect(run).toHaveBeenCalledTimes(1);
});

it("refreshes delayMs after a write when nothing holds it", async () => {
  const run = vi.fn(async () => {});
  const refresh = createIndexRefresh({ delayMs: 1000, run });
  refresh.noteWrite();
  await vi.advanceTimersByTimeAsync(1000);
  expect(run).toHaveBeenCalledTimes(1);
  const release = refresh.hold();
  release();
  release(); // a second release of the same hold changes nothing
  refresh.noteWrite();
  await vi.advanceTimersByTimeAsync(1000);
  expect(run).toHaveBeenCalledTimes(2);
});
