import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../../errors.ts";
import { CHECKSUMS_FILE, type ChecksumsFile } from "./checksums.ts";
import { MODEL_MANIFEST, type ModelManifest } from "./model-manifest.ts";

/** Progress callbacks, so a CLI can draw bars and tests can stay silent. */
export interface PullProgress {
  start?(file: string, totalBytes: number | undefined): void;
  advance?(file: string, bytesSoFar: number): void;
  finish?(file: string, sha256: string, pinned: boolean): void;
}

export interface PullOptions {
  /** Hugging Face model id, e.g. `Xenova/multilingual-e5-small`. */
  modelId: string;
  /** Commit to download; defaults to the manifest's pinned revision, then `main`. */
  revision?: string;
  modelsDir: string;
  /** Hub base URL, e.g. `https://huggingface.co` (or `HF_ENDPOINT`). */
  endpoint: string;
  manifest?: ModelManifest;
  progress?: PullProgress;
}

export interface PullResult {
  dir: string;
  revision: string;
  files: Array<{ path: string; sha256: string; bytes: number; pinned: boolean }>;
}

/** Each group is one file the model needs; alternatives are tried in order until one exists. */
interface FileWant {
  alternatives: string[];
  optional: boolean;
}

const DEFAULT_FILES: FileWant[] = [
  { alternatives: ["config.json"], optional: false },
  { alternatives: ["tokenizer.json"], optional: false },
  { alternatives: ["tokenizer_config.json"], optional: false },
  { alternatives: ["special_tokens_map.json"], optional: true },
  { alternatives: ["onnx/model_quantized.onnx", "onnx/model.onnx"], optional: false },
];

class NotFound extends Error {}

async function download(url: string, dest: string, file: string, progress?: PullProgress) {
  let response: Response;
  try {
    response = await fetch(url, { redirect: "follow" });
  } catch (cause) {
    throw new AppError("model_unavailable", `Could not reach ${url}: ${String(cause)}`, { cause, transient: true });
  }
  if (response.status === 404) throw new NotFound(url);
  if (!response.ok || !response.body) {
    throw new AppError("model_unavailable", `Download of ${url} failed with HTTP ${response.status}`, {
      transient: response.status >= 500 || response.status === 429,
      details: { url, status: response.status },
    });
  }
  const length = Number(response.headers.get("content-length"));
  progress?.start?.(file, Number.isFinite(length) && length > 0 ? length : undefined);
  const hash = createHash("sha256");
  let bytes = 0;
  await mkdir(dirname(dest), { recursive: true });
  const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>);
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      progress?.advance?.(file, bytes);
      done(null, chunk);
    },
  });
  await pipeline(body, meter, createWriteStream(dest));
  return { sha256: hash.digest("hex"), bytes };
}

/**
 * Downloads a model's files at one revision into `<modelsDir>/<modelId>/`. Everything lands
 * in a staging folder first and is verified against the manifest's sha256 pins; only then
 * are the files renamed into place, so a failed or tampered download leaves nothing behind.
 * A `checksums.json` records every file's hash for verification at load time.
 */
export async function pullModel(opts: PullOptions): Promise<PullResult> {
  const entry = (opts.manifest ?? MODEL_MANIFEST)[opts.modelId];
  const revision = opts.revision ?? entry?.revision ?? "main";
  // Pins only apply to the revision they were taken from.
  const pins = entry && entry.revision === revision ? entry.files : {};
  const wants: FileWant[] = entry
    ? Object.keys(entry.files).map((f) => ({ alternatives: [f], optional: false }))
    : DEFAULT_FILES;

  await mkdir(opts.modelsDir, { recursive: true });
  const staging = await mkdtemp(join(opts.modelsDir, ".pull-"));
  try {
    const files: PullResult["files"] = [];
    for (const want of wants) {
      let got = false;
      for (const file of want.alternatives) {
        const url = `${opts.endpoint.replace(/\/+$/, "")}/${opts.modelId}/resolve/${revision}/${file}`;
        try {
          const { sha256, bytes } = await download(url, join(staging, file), file, opts.progress);
          const expected = pins[file] ?? null;
          if (expected !== null && expected !== sha256) {
            throw new AppError(
              "model_unavailable",
              `Checksum mismatch for ${opts.modelId}/${file}@${revision}: expected ${expected}, got ${sha256}`,
              { details: { file, expected, actual: sha256 } },
            );
          }
          opts.progress?.finish?.(file, sha256, expected !== null);
          files.push({ path: file, sha256, bytes, pinned: expected !== null });
          got = true;
          break;
        } catch (error) {
          if (!(error instanceof NotFound)) throw error;
        }
      }
      if (!got && !want.optional) {
        throw new AppError(
          "model_unavailable",
          `${opts.modelId}@${revision} has none of ${want.alternatives.join(", ")}`,
          { details: { model: opts.modelId, revision, files: want.alternatives } },
        );
      }
    }

    const dir = join(opts.modelsDir, opts.modelId);
    for (const { path } of files) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await rename(join(staging, path), join(dir, path));
    }
    const record: ChecksumsFile = {
      model: opts.modelId,
      revision,
      files: Object.fromEntries(files.map((f) => [f.path, f.sha256])),
    };
    const tmp = join(staging, CHECKSUMS_FILE);
    await writeFile(tmp, `${JSON.stringify(record, null, 2)}\n`);
    await rename(tmp, join(dir, CHECKSUMS_FILE));
    return { dir, revision, files };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
