import { z } from "zod";
import { AppError } from "./errors.ts";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

/**
 * Every knob of chm-lens, read from the environment once. The README documents each one;
 * keep the two in step.
 */
export const configSchema = z.object({
  PORT: int(8787, 0),
  HOST: z.string().default("127.0.0.1"),
  /** Where LanceDB lives: a local folder now, an object-store URI (s3://…) later. */
  DATA_DIR: z.string().default("./data"),
  MODELS_DIR: z.string().default("./models"),
  /** Where trained classifier states are cached; empty = `<DATA_DIR>/classifier-cache`. */
  CLASSIFIER_CACHE_DIR: z.string().default(""),
  EMBED_BACKEND: z.enum(["use", "transformers"]).default("use"),
  /** What runs USE lite: onnxruntime (same vectors, ~6.5× faster) or the tfjs model's WASM / JS kernels. */
  USE_RUNTIME: z.enum(["onnx", "wasm", "cpu"]).default("onnx"),
  /** Folder name under MODELS_DIR for the transformers backend, e.g. `Xenova/multilingual-e5-small`. */
  EMBED_MODEL: z.string().default("Xenova/multilingual-e5-small"),
  EMBED_BATCH_SIZE: int(16, 1),
  /** Worker threads running the encoder (one model copy each); 0 = on the main event loop. */
  EMBED_THREADS: int(2, 0),
  MAX_UPLOAD_MB: z.coerce.number().positive().default(25),
  MAX_PAGES: int(1000, 1),
  EXTRACT_TIMEOUT_MS: int(120_000, 1000),
  /** Longest extracted text accepted per document, in characters (→ `too_large`). */
  MAX_TEXT_CHARS: int(4_000_000, 1000),
  /** Most chunks per document (→ `too_large`): bounds embedding time per job. */
  MAX_CHUNKS: int(5000, 1),
  /** DOCX inflate budget: all entries together, from the zip directory and while inflating (→ `too_large`). */
  MAX_DECOMPRESSED_MB: z.coerce.number().positive().default(200),
  /** Heap of each thread that extracts and chunks documents; past it the document fails `too_large`. */
  EXTRACT_HEAP_MB: int(1024, 64),
  /** Threads reading (extracting, chunking) documents off the event loop; 0 = on it. */
  EXTRACT_THREADS: int(2, 0),
  OCR_ENABLED: bool.default(true),
  OCR_LANGS: z.string().default("eng+fra+spa"),
  CHUNK_SIZE: int(0, 0),
  CHUNK_OVERLAP: int(0, 0),
  WORKER_ENABLED: bool.default(true),
  WORKER_CONCURRENCY: int(1, 1),
  JOB_MAX_ATTEMPTS: int(3, 1),
  JOB_BACKOFF_MS: int(2000, 0),
  JOB_TIMEOUT_MS: int(600_000, 1000),
  JOB_POLL_MS: int(500, 10),
  /** Worker lease, renewed every third of it while a job runs; a dead worker's job is retaken after it. */
  JOB_LEASE_MS: int(30_000, 100),
  /** `redis://host:port[/db]`: BullMQ on Redis as the job queue, shared by API replicas and workers. */
  QUEUE_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
  INGEST_SAMPLES_ON_EMPTY: bool.default(true),
  SAMPLES_DIR: z.string().default("./corpora/samples"),
  /** Chunk rows per commit of the store's single writer (bulk ingest, harvests). */
  WRITE_BATCH_ROWS: int(20000, 1),
  /** Fold new rows into the search indexes this long after a write (0 = never automatically). */
  INDEX_REFRESH_MS: int(2000, 0),
  CHM_API_KEYS: z.string().default(""),
  /** Server secret for the ids recorded for unnamed keys (HMAC); keep it stable and private. */
  CHM_KEY_SECRET: z.string().default(""),
  /** Longest accepted upload filename (characters, after dropping any directory part). */
  MAX_FILENAME_CHARS: int(255, 1),
  /** How long `npm start` may take to stop on SIGTERM/SIGINT (finishing the current job) before it exits anyway. */
  SHUTDOWN_TIMEOUT_MS: int(30_000, 0),
  PUBLIC_READ: bool.default(true),
  MAX_BODY_MB: z.coerce.number().positive().default(1),
  RATE_LIMIT_PER_MINUTE: int(300, 0),
  EVAL_DIR: z.string().default("./data/eval"),
  /** The CBD API that `harvest chm` reads (Solr index, records, attachments). */
  CHM_API_URL: z.string().url().default("https://api.cbd.int"),
  HARVEST_CONCURRENCY: int(2, 1),
  HARVEST_RATE_PER_SECOND: z.coerce.number().min(0).default(4),
  HARVEST_TIMEOUT_MS: int(30_000, 100),
  HARVEST_RETRIES: int(3, 0),
  HARVEST_BACKOFF_MS: int(1000, 0),
  HARVEST_PAGE_SIZE: int(50, 1),
  HARVEST_MAX_ATTACHMENTS: int(10, 0),
  HARVEST_USER_AGENT: z.string().default("chm-lens-harvester/0.1 (+https://www.cbd.int/chm; CBD CHM classification)"),
  SEARCH_MIN_RELEVANCE_SEMANTIC: z.coerce.number().min(0).max(1).default(0.2),
  SEARCH_MIN_RELEVANCE_HYBRID: z.coerce.number().min(0).max(1).default(0.18),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = z.infer<typeof configSchema>;

/** Parses the environment (or any record of strings); throws AppError `config_invalid`. */
export function loadConfig(env: Record<string, string | undefined> = {}): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new AppError("config_invalid", `Invalid configuration: ${problems.join("; ")}`, {
      details: problems,
    });
  }
  return parsed.data;
}

/** Defaults for tests and tools: every knob at its default, with overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}
