import type { EmbedCallOptions } from "../types.ts";

/**
 * Runs `embedBatch` over `texts` in batches of `batchSize`, grouping texts of similar length
 * (so padding to the longest text in a batch wastes little work), and returns the vectors
 * in the caller's original order. Checks `options.signal` before each batch.
 */
export async function embedInLengthSortedBatches(
  texts: readonly string[],
  batchSize: number,
  embedBatch: (batch: string[]) => Promise<Float32Array[]>,
  options: EmbedCallOptions = {},
): Promise<Float32Array[]> {
  const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length || a - b);
  const out = new Array<Float32Array>(texts.length);
  const size = Math.max(1, Math.floor(batchSize));
  for (let start = 0; start < order.length; start += size) {
    // Model calls are synchronous CPU work; yielding to the event loop between batches keeps an
    // HTTP server in the same process answering while a worker or the classifier embeds.
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    options.signal?.throwIfAborted();
    const indices = order.slice(start, start + size);
    const vectors = await embedBatch(indices.map((i) => texts[i]!));
    if (vectors.length !== indices.length) {
      throw new Error(`embedding backend returned ${vectors.length} vectors for ${indices.length} texts`);
    }
    indices.forEach((original, k) => {
      out[original] = vectors[k]!;
    });
    options.onProgress?.(Math.min(order.length, start + size));
  }
  return out;
}
