import { join } from "node:path";
import {
  CLASSIFIER_VERSION,
  deferClassifier,
  loadDevSet,
  dirStateCache,
  loadOrTrainClassifier,
  trackProgress,
  type TrainingProgress,
  type StateCache,
  type Classifier,
  type DeferredClassifier,
  type LabelledExample,
} from "./classify/index.ts";
import type { ApiDeps } from "./api/index.ts";
import type { Config } from "./config.ts";
import { createInsights, type Insights } from "./coverage/index.ts";
import { createEmbedder, embedderOptionsFromConfig, type Embedder } from "./embed/index.ts";
import {
  createQueue,
  classifyUntagged,
  createDocumentReader,
  createWorker,
  type DocumentReader,
  feedbackExamples,
  type JobQueue,
  type Worker,
  type WorkerProgress,
} from "./ingest/index.ts";
import { sourceTagExamples } from "./harvest/index.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createSearchService, type SearchService } from "./search/index.ts";
import { createStore, type DocumentStore } from "./store/index.ts";
import { DEFAULT_CORPORA_DIR, loadVocabulary, type Vocabulary } from "./vocab/index.ts";

/** Folder under DATA_DIR where trained classifier states are cached between starts. */
export const CLASSIFIER_CACHE_DIR = "classifier-cache";

/** Everything a chm-lens process runs on, wired once. */
export interface Services {
  config: Config;
  logger: Logger;
  store: DocumentStore;
  embedder: Embedder;
  /**
   * Undefined when classification is off. Otherwise usually deferred: `loading` while it trains,
   * then `ready` or `failed`; documents are stored untagged until it is ready, then classified.
   */
  classifier: Classifier | undefined;
  vocab: Vocabulary;
  search: SearchService;
  /** Coverage per country, country summaries and matchmaking (the API, the CLI and the eval share them). */
  insights: Insights;
  queue: JobQueue;
  worker: Worker;
  /** Reads and chunks documents in bounded threads (EXTRACT_THREADS), for the worker and classify-a-file. */
  reader: DocumentReader | undefined;
  /** Stops the worker (finishing the current job), then closes the store and the embedder. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  logger?: Logger;
  /** A ready embedder to share (tests, benches); the caller keeps ownership and closes it. */
  embedder?: Embedder;
  /** A classifier to use instead of the configured one; `null` turns classification off. */
  classifier?: Classifier | null;
  /** Worker progress, e.g. for CLI progress bars. */
  onProgress?: (p: WorkerProgress) => void;
}

/**
 * The one place that wires chm-lens together: store dimensions come from the embedder, the queue
 * and worker share the store.
 *
 * @example
 * // main.ts and cli.ts pass the config they parsed from the environment.
 * const services = await createServices(config);
 * services.worker.start();
 * await services.close();
 */
export async function createServices(config: Config, opts: ServiceOptions = {}): Promise<Services> {
  const logger = opts.logger ?? createLogger(config.LOG_LEVEL);
  // Loaded first: it fails fast on bad corpora and holds nothing that needs closing.
  const vocab = await loadVocabulary();
  const embedder = opts.embedder ?? (await createEmbedder(embedderOptionsFromConfig(config)));
  const closeEmbedder = opts.embedder ? async () => {} : async () => embedder.close?.();
  let store: DocumentStore;
  try {
    store = await createStore({
      uri: config.DATA_DIR,
      dims: embedder.dims,
      embeddingModelId: embedder.modelId,
      writeBatchRows: config.WRITE_BATCH_ROWS,
      indexRefreshMs: config.INDEX_REFRESH_MS,
    });
  } catch (e) {
    await closeEmbedder();
    throw e;
  }
  // The classifier loads (or, on first start, trains) in the background so the server can listen
  // at once; the worker and HTTP branch on its status, the CLI waits for it.
  // The first start trains for about a minute; /ready shows how far it has got.
  const training = trackProgress();
  const classifier =
    opts.classifier === null
      ? undefined
      : (opts.classifier ??
        deferClassifier(
          CLASSIFIER_VERSION,
          loadClassifier(config, embedder, vocab, store, logger, training.report),
          training.current,
        ));
  const search = createSearchService({
    store,
    embedder,
    vocab,
    minRelevance: { semantic: config.SEARCH_MIN_RELEVANCE_SEMANTIC, hybrid: config.SEARCH_MIN_RELEVANCE_HYBRID },
  });
  const insights = createInsights(store, vocab);
  // QUEUE_URL set: BullMQ on Redis (shared by API replicas and workers); else the embedded queue.
  const queue = await createQueue(store, config, logger);
  const reader =
    config.EXTRACT_THREADS > 0
      ? createDocumentReader({ threads: config.EXTRACT_THREADS, heapMb: config.EXTRACT_HEAP_MB })
      : undefined;
  const worker = createWorker({
    queue,
    ...(reader ? { reader } : {}),
    store,
    embedder,
    ...(classifier ? { classifier } : {}),
    config,
    logger,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  // Uploads made while the classifier loads (or after it failed) are stored untagged; once it is
  // ready they are classified in the background (idempotent: classified documents are skipped).
  const stopBackfill = new AbortController();
  const backfill =
    classifier && "loaded" in classifier
      ? (classifier as DeferredClassifier).loaded
          .then(() => classifyUntagged({ store, classifier, vocab, logger, signal: stopBackfill.signal }))
          .catch((e: unknown) => logger.warn({ err: e instanceof Error ? e.message : String(e) }, "classify untagged"))
      : Promise.resolve();
  logger.debug({ store: store.uri, model: embedder.modelId, dims: embedder.dims }, "services ready");
  return {
    config,
    logger,
    store,
    embedder,
    classifier,
    vocab,
    search,
    insights,
    queue,
    worker,
    reader,
    async close() {
      await worker.stop();
      await reader?.close();
      await queue.close();
      // Never close the embedder under a classifier that is still training on it.
      if (classifier && "loaded" in classifier) await (classifier as DeferredClassifier).loaded;
      stopBackfill.abort();
      await backfill;
      await store.close();
      await closeEmbedder();
    },
  };
}

/** CLASSIFIER_CACHE_DIR, else a folder in a local DATA_DIR (object-store DATA_DIRs get none). */
export function classifierCacheDir(config: Config): string | undefined {
  if (config.CLASSIFIER_CACHE_DIR) return config.CLASSIFIER_CACHE_DIR;
  const local = !/^[a-z][a-z0-9+.-]*:\/\//i.test(config.DATA_DIR);
  return local ? join(config.DATA_DIR, CLASSIFIER_CACHE_DIR) : undefined;
}

/**
 * Where the trained classifier is kept between starts: a folder (CLASSIFIER_CACHE_DIR, or
 * `classifier-cache` in a local DATA_DIR), else the store's `artifacts` table, so an object-store
 * DATA_DIR keeps it under the same URI as the documents instead of retraining at every start.
 */
export function classifierCache(config: Config, store: DocumentStore): StateCache {
  const dir = classifierCacheDir(config);
  if (dir) return dirStateCache(dir);
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  return {
    read: async (name) => {
      const bytes = await store.artifacts.get(name);
      return bytes === undefined ? undefined : dec.decode(bytes);
    },
    write: (name, text, prefix) => store.artifacts.put(name, enc.encode(text), { replacePrefix: prefix }),
  };
}

/**
 * What the served classifier trains on: the development set, reviewers' feedback on GBF labels and
 * harvested records' own GBF tags (sourceTags). The eval keeps to the development set, so feedback
 * never moves a reported metric by itself (`eval --source-tags` scores the harvested tags out of fold).
 */
export async function trainingExamples(store: DocumentStore, vocab: Vocabulary): Promise<LabelledExample[]> {
  const [dev, feedback, harvested] = await Promise.all([
    loadDevSet(DEFAULT_CORPORA_DIR, { vocab }),
    feedbackExamples(store, vocab),
    sourceTagExamples(store, vocab),
  ]);
  return [...dev, ...feedback, ...harvested];
}

/**
 * Trains the classifier on the development set and feedback (or loads it from the cache in
 * DATA_DIR: the cache key hashes the examples, so new feedback retrains at the next start). A
 * failure leaves the service running without classification rather than down.
 */
async function loadClassifier(
  config: Config,
  embedder: Embedder,
  vocab: Vocabulary,
  store: DocumentStore,
  logger: Logger,
  onProgress?: (p: TrainingProgress) => void,
): Promise<Classifier | undefined> {
  const started = Date.now();
  try {
    const examples = await trainingExamples(store, vocab);
    const classifier = await loadOrTrainClassifier({
      embedder,
      vocab,
      examples,
      logger,
      ...(onProgress ? { options: { onProgress } } : {}),
      cache: classifierCache(config, store),
    });
    logger.info(
      { version: classifier.version, examples: examples.length, ms: Date.now() - started },
      "classifier ready",
    );
    return classifier;
  } catch (e) {
    logger.error(
      { err: e instanceof Error ? e.message : String(e) },
      "classifier unavailable: documents are stored untagged",
    );
    return undefined;
  }
}

/**
 * What the HTTP API needs from a process's services (main.ts and the browser tests serve the same
 * wiring); the caller adds what only it knows, such as the worker's state.
 */
export function apiDepsOf(services: Services): ApiDeps {
  const { config, store, queue, vocab, search, logger, classifier, embedder, reader, insights } = services;
  return {
    config,
    store,
    queue,
    vocab,
    search,
    logger,
    ...(classifier ? { classifier } : {}),
    embedder,
    reader,
    evalDir: config.EVAL_DIR,
    insights,
  };
}
