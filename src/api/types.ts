import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Classifier } from "../classify/types.ts";
import type { Config } from "../config.ts";
import type { Insights } from "../coverage/index.ts";
import type { Embedder } from "../embed/types.ts";
import type { DocumentReader } from "../ingest/index.ts";
import type { JobQueue } from "../ingest/types.ts";
import type { SearchService } from "../search/index.ts";
import type { DocumentStore } from "../store/types.ts";
import type { Vocabulary } from "../vocab/types.ts";
import type { WindowCounter } from "./internal/rate-limit.ts";

/** pino-compatible logger surface (only what the API uses). */
export interface ApiLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Worker state reported by `/ready` (the process that runs the ingest worker provides it). */
export type WorkerState = "running" | "stopped" | "disabled" | "unknown";

/** Everything the HTTP API needs; built in `app.ts`/`main.ts`, fakes allowed in tests. */
export interface ApiDeps {
  config: Config;
  store: DocumentStore;
  queue: JobQueue;
  /** Absent while the model loads (or when it failed): `/v1/classify` answers 503, `/ready` says so. */
  classifier?: Classifier;
  vocab: Vocabulary;
  search: SearchService;
  /** The embedder's window (`maxChars`): `POST /v1/classify` with a file chunks as ingestion does. */
  embedder: Pick<Embedder, "maxChars">;
  /** Reads uploaded files in bounded worker threads for `POST /v1/classify`; absent = in this thread. */
  reader?: DocumentReader | undefined;
  /** Folder holding eval runs (`readLatestEval`). */
  evalDir: string;
  logger?: ApiLogger;
  /** Coverage, summaries and matchmaking; `createApi` builds them over `store` when absent. */
  insights?: Insights;
  /** Optional probe of the ingest worker for `/ready`. */
  workerState?: () => WorkerState;
  /** Where rate-limit windows are counted; absent = in this process (main.ts passes Redis with QUEUE_URL). */
  rateCounter?: WindowCounter;
}

export type Role = "submitter" | "secretariat";

/** Who is calling: resolved from the bearer key (never the key itself). */
export interface Principal {
  role: Role;
  /** Recorded id of the key: its name (`name:key:role`), else an HMAC of it; `local` in open mode. */
  fingerprint: string;
  /** Older ids of the same key (the unsalted pre-HMAC fingerprint): still prove ownership. */
  aliases?: string[];
  /** True when CHM_API_KEYS is empty (local demo, everything open). */
  open: boolean;
}

export interface ApiEnv {
  Variables: { principal: Principal | undefined; badKey: boolean };
}

export type ApiApp = OpenAPIHono<ApiEnv>;
