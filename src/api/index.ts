export { createApi } from "./app.ts";
export { ERROR_STATUS, statusOf } from "./error-status.ts";
export { type HttpServer, serveApi } from "./serve.ts";
export { fingerprintOf } from "./internal/auth.ts";
export { redisWindowCounter } from "./internal/rate-limit-redis.ts";
export type { ApiApp, ApiDeps, ApiEnv, ApiLogger, Principal, Role, WorkerState } from "./types.ts";
