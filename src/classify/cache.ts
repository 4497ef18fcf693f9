import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Embedder } from "../embed/types.ts";
import type { Vocabulary } from "../vocab/types.ts";
import { parseCachedState } from "./internal/cached-state.ts";
import { CLASSIFIER_VERSION } from "./internal/state.ts";
import { createClassifierTrainer, type TrainerOptions } from "./trainer.ts";
import type { Classifier, LabelledExample } from "./types.ts";

/**
 * Where trained states are kept between starts: a folder (`dirStateCache`) or, wired in app.ts,
 * a table under the store URI. `write` may drop older states whose name starts with `prefix`.
 */
export interface StateCache {
  read(name: string): Promise<string | undefined>;
  write(name: string, text: string, prefix: string): Promise<void>;
}

/** States as JSON files in `dir`, written then renamed so a crash never leaves a half file. */
export function dirStateCache(dir: string): StateCache {
  return {
    async read(name) {
      try {
        return await readFile(join(dir, name), "utf8");
      } catch {
        return undefined;
      }
    },
    async write(name, text) {
      await mkdir(dir, { recursive: true });
      const tmp = join(dir, `${name}.${process.pid}.tmp`);
      await writeFile(tmp, text);
      await rename(tmp, join(dir, name));
    },
  };
}

export interface LoadOrTrainInput {
  embedder: Embedder;
  vocab: Vocabulary;
  examples: LabelledExample[];
  /** Where trained states are kept as JSON files; without it or `cache` it trains every time. */
  cacheDir?: string;
  /** Where trained states are kept (wins over `cacheDir`). */
  cache?: StateCache;
  /** Told when a cached state is invalid and ignored (it is then retrained and rewritten). */
  logger?: { warn(obj: object, msg: string): void };
  options?: TrainerOptions;
}

/**
 * Returns a trained classifier, reusing the state cached in `cacheDir` when the embedder, the
 * examples, the options, the classifier version and the reference data (keywords, Aurora files,
 * SDG corpora, by content) are the same, so a server start does not retrain. A cache file that is
 * not JSON or fails the state schema is logged, ignored and rewritten.
 */
export async function loadOrTrainClassifier(input: LoadOrTrainInput): Promise<Classifier> {
  const trainer = createClassifierTrainer({ embedder: input.embedder, vocab: input.vocab, options: input.options });
  const cache = input.cache ?? (input.cacheDir ? dirStateCache(input.cacheDir) : undefined);
  if (!cache) return trainer.train(input.examples);
  const hash = createHash("sha256")
    .update(JSON.stringify({ v: CLASSIFIER_VERSION, m: input.embedder.modelId, o: input.options ?? {} }))
    .update(JSON.stringify(input.examples.map((e) => [e.id, e.text, e.labels, e.key ?? null])))
    .update(await trainer.fingerprint())
    .digest("hex")
    .slice(0, 16);
  const prefix = `classifier-${input.embedder.modelId.replace(/[^\w.@-]+/g, "_")}-`;
  const name = `${prefix}${hash}.json`;
  const cached = parseCachedState(await cache.read(name), input.embedder.modelId, input.logger, name);
  if (cached) return trainer.fromState(cached);
  const { classifier, state } = await trainer.trainState(input.examples);
  await cache.write(name, JSON.stringify(state), prefix);
  return classifier;
}
