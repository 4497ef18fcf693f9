import { open, readFile } from "node:fs/promises";
import { endianness } from "node:os";
import { join } from "node:path";
import { AppError } from "../../../errors.ts";

/** One weight of a tfjs graph model, viewed in place in the concatenated shards. */
export interface TfjsWeight {
  shape: number[];
  dtype: "float32" | "int32";
  data: Float32Array | Int32Array;
}

interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: unknown;
}
interface ModelJson {
  modelTopology?: { node?: Array<{ name: string; op: string }> };
  weightsManifest?: Array<{ paths: string[]; weights: ManifestEntry[] }>;
}

const fail = (message: string, cause?: unknown): never => {
  throw new AppError("model_unavailable", `USE lite weights: ${message}`, { cause });
};

async function readOrFail(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    return fail(`cannot read ${what} ${path} (${(cause as Error).message})`, cause);
  }
}

/**
 * The shards back to back in one buffer, each read straight into its place: no second copy of
 * the weights, and one aligned ArrayBuffer that Float32Array views can share.
 */
async function readShards(paths: string[]): Promise<Uint8Array> {
  // allSettled, not all: every handle that did open must be closed whatever else failed.
  const opened = await Promise.allSettled(
    paths.map(async (path) => {
      const handle = await open(path);
      try {
        return { path, handle, size: (await handle.stat()).size };
      } catch (cause) {
        await handle.close();
        throw cause;
      }
    }),
  );
  const files = opened.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  try {
    opened.forEach((r, i) => {
      if (r.status === "rejected")
        fail(`cannot read weight shard ${paths[i]} (${(r.reason as Error).message})`, r.reason);
    });
    const bytes = new Uint8Array(files.reduce((sum, f) => sum + f.size, 0));
    let offset = 0;
    const reads = await Promise.allSettled(
      files.map(async ({ path, handle, size }) => {
        const at = offset;
        offset += size;
        for (let done = 0; done < size; ) {
          const { bytesRead } = await handle.read(bytes, at + done, size - done, done);
          if (bytesRead === 0) fail(`weight shard ${path} ended early`);
          done += bytesRead;
        }
      }),
    );
    for (const r of reads) if (r.status === "rejected") throw r.reason;
    return bytes;
  } finally {
    await Promise.all(files.map((f) => f.handle.close()));
  }
}

/**
 * Reads a tfjs graph model's weights (model.json's manifest + its binary shards) by name, and
 * the op type of every graph node by name, so the caller can check the graph is the one it
 * knows. Checks every size so a truncated or swapped shard fails here, not as odd vectors.
 */
export async function readTfjsWeights(
  modelDir: string,
): Promise<{ weights: Map<string, TfjsWeight>; ops: Map<string, string> }> {
  // The shards are little-endian; typed-array views over them assume the host is too.
  if (endianness() !== "LE") fail("a big-endian host cannot read tfjs shards in place");
  const jsonPath = join(modelDir, "model.json");
  let model: ModelJson;
  try {
    model = JSON.parse((await readOrFail(jsonPath, "graph")).toString("utf8")) as ModelJson;
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    return fail(`${jsonPath} is not valid JSON (${(cause as Error).message})`, cause);
  }
  const groups = model.weightsManifest;
  if (!Array.isArray(groups) || groups.length === 0) return fail(`${jsonPath} has no weightsManifest`);
  const ops = new Map((model.modelTopology?.node ?? []).map((n) => [n.name, n.op]));

  const weights = new Map<string, TfjsWeight>();
  for (const group of groups) {
    const bytes = await readShards(group.paths.map((p) => join(modelDir, p)));
    const total = bytes.length;
    let offset = 0;
    for (const entry of group.weights) {
      if (entry.quantization) fail(`${entry.name} is quantized, which this reader does not handle`);
      const dtype =
        entry.dtype === "float32" || entry.dtype === "int32"
          ? entry.dtype
          : fail(`${entry.name} has dtype ${entry.dtype}`);
      const count = entry.shape.reduce((a, b) => a * b, 1);
      if (offset + count * 4 > total) {
        fail(`the shards of ${group.paths.join(", ")} hold ${total} bytes, too few for ${entry.name}`);
      }
      const data =
        dtype === "float32"
          ? new Float32Array(bytes.buffer, offset, count)
          : new Int32Array(bytes.buffer, offset, count);
      weights.set(entry.name, { shape: entry.shape, dtype, data });
      offset += count * 4;
    }
    if (offset !== total) fail(`the shards hold ${total} bytes but the manifest lists ${offset}`);
  }
  return { weights, ops };
}
