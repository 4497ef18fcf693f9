import { AppError } from "../errors.ts";
import type { Classifier } from "./types.ts";

/** A classifier that is still loading (or training) behind a promise. */
export interface DeferredClassifier extends Classifier {
  /** True once the real classifier is loaded. */
  readonly ready: boolean;
  /** Resolves to the real classifier, or undefined if it could not be loaded. */
  readonly loaded: Promise<Classifier | undefined>;
}

/**
 * Lets a server listen while the classifier trains on first start: calls wait for it, and fail
 * with `model_unavailable` if loading failed.
 */
export function deferClassifier(version: string, load: Promise<Classifier | undefined>): DeferredClassifier {
  let real: Classifier | undefined;
  const loaded = load.then(
    (c) => (real = c),
    () => undefined,
  );
  const get = async (): Promise<Classifier> => {
    const c = real ?? (await loaded);
    if (!c) throw new AppError("model_unavailable", "The classifier could not be loaded; see the server log.");
    return c;
  };
  return {
    get version() {
      return real?.version ?? version;
    },
    get ready() {
      return real !== undefined;
    },
    loaded,
    classifyText: async (text, opts) => (await get()).classifyText(text, opts),
    classifyChunks: async (chunks, opts) => (await get()).classifyChunks(chunks, opts),
  };
}
