import { AppError } from "../errors.ts";
import type { TrainingProgress } from "./progress.ts";
import type { Classifier } from "./types.ts";

/** Where the served classifier is: still loading (or training), ready, or failed to load. */
export type ClassifierStatus = "loading" | "ready" | "failed";

/** A classifier that is still loading (or training) behind a promise. */
export interface DeferredClassifier extends Classifier {
  /** `loading` until the load settles, then `ready` or `failed`. */
  readonly status: ClassifierStatus;
  /** True once the real classifier is loaded (`status === "ready"`). */
  readonly ready: boolean;
  /** Resolves to the real classifier, or undefined if it could not be loaded. */
  readonly loaded: Promise<Classifier | undefined>;
  /** The real classifier when ready, else undefined; never waits. */
  current(): Classifier | undefined;
  /** While loading: how far training has got (undefined before the first report, or once settled). */
  progress(): TrainingProgress | undefined;
}

function isDeferred(c: Classifier): c is DeferredClassifier {
  return "status" in c && "current" in c;
}

/**
 * Status of any classifier: a deferred one reports its own, a plain one is `ready`, none is
 * `failed`. The pipeline, `/ready` and `/v1/classify` branch on it instead of waiting.
 */
export function classifierStatus(c: Classifier | undefined): ClassifierStatus {
  if (!c) return "failed";
  return isDeferred(c) ? c.status : "ready";
}

/** How far a loading classifier's training has got; undefined when it is not loading. */
export function classifierProgress(c: Classifier | undefined): TrainingProgress | undefined {
  return c && isDeferred(c) && c.status === "loading" ? c.progress() : undefined;
}

/**
 * The classifier to use right now, or undefined while it loads or after it failed.
 *
 * @example
 * const c = readyClassifier(deps.classifier);
 * if (!c) storeUntagged(); else await c.classifyChunks(chunks);
 */
export function readyClassifier(c: Classifier | undefined): Classifier | undefined {
  if (!c) return undefined;
  return isDeferred(c) ? c.current() : c;
}

/**
 * Lets a server listen while the classifier trains on first start. Callers that can wait (the CLI)
 * just call it: calls wait for the load and fail with `model_unavailable` if it failed. Callers that
 * must not wait (HTTP, the ingest worker) branch on `status` / `readyClassifier` first.
 */
export function deferClassifier(
  version: string,
  load: Promise<Classifier | undefined>,
  progress: () => TrainingProgress | undefined = () => undefined,
): DeferredClassifier {
  let real: Classifier | undefined;
  let status: ClassifierStatus = "loading";
  const loaded = load.then(
    (c) => {
      real = c;
      status = c ? "ready" : "failed";
      return c;
    },
    () => {
      status = "failed";
      return undefined;
    },
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
    get status() {
      return status;
    },
    get ready() {
      return status === "ready";
    },
    loaded,
    current: () => real,
    progress: () => (status === "loading" ? progress() : undefined),
    classifyText: async (text) => (await get()).classifyText(text),
    classifyChunks: async (chunks) => (await get()).classifyChunks(chunks),
  };
}
