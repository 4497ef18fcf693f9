import { AppError } from "../errors.ts";
import { createLimiter } from "./internal/limiter.ts";

export interface HttpOptions {
  /** Sent with every request so the source's operators know who is calling (HARVEST_USER_AGENT). */
  userAgent: string;
  /** Per-request time limit (HARVEST_TIMEOUT_MS). */
  timeoutMs: number;
  /** Retries after the first try for 5xx, 429, timeouts and network errors (HARVEST_RETRIES). */
  retries: number;
  /** First retry delay, doubled each retry (HARVEST_BACKOFF_MS); a Retry-After header wins if longer. */
  backoffMs: number;
  concurrency: number;
  ratePerSecond: number;
}

export interface HttpClient {
  json<T>(url: string): Promise<T>;
  /** The body as bytes; over `maxBytes` → `too_large` without reading the rest. */
  bytes(url: string, maxBytes: number): Promise<{ bytes: Uint8Array; contentType?: string }>;
}

/**
 * A polite HTTP client on the global fetch: one limiter for concurrency and request rate, a clear
 * User-Agent, a timeout per request, and retries with exponential backoff on transient failures.
 * A 404 is `not_found`, another 4xx `upstream_failed`; both are final. Transient failures that
 * outlast the retries are `upstream_failed` with `transient: true`.
 */
export function createHttpClient(opts: HttpOptions): HttpClient {
  const limiter = createLimiter(opts);

  async function get(url: string, accept: string): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      let retryAfterMs = 0;
      let failure: AppError;
      try {
        const res = await limiter.run(() =>
          fetch(url, {
            headers: { "user-agent": opts.userAgent, accept },
            signal: AbortSignal.timeout(opts.timeoutMs),
          }),
        );
        if (res.ok) return res;
        await res.body?.cancel();
        const transient = res.status >= 500 || res.status === 429;
        const code = res.status === 404 ? "not_found" : "upstream_failed";
        failure = new AppError(code, `GET ${url} answered HTTP ${res.status}`, {
          details: { url, status: res.status },
          transient,
        });
        if (!transient) throw failure;
        retryAfterMs = Number(res.headers.get("retry-after") ?? 0) * 1000 || 0;
      } catch (e) {
        if (e instanceof AppError) throw e;
        const timedOut = e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
        const why = timedOut ? `timed out after ${opts.timeoutMs} ms` : (errorText(e) ?? "failed");
        failure = new AppError("upstream_failed", `GET ${url} ${why}`, { details: { url }, transient: true, cause: e });
      }
      if (attempt >= opts.retries) throw failure;
      await sleep(Math.max(retryAfterMs, opts.backoffMs * 2 ** attempt));
    }
  }

  return {
    async json<T>(url: string): Promise<T> {
      const res = await get(url, "application/json, application/vnd.api+json");
      try {
        return (await res.json()) as T;
      } catch (cause) {
        throw new AppError("upstream_failed", `GET ${url} did not return JSON`, { details: { url }, cause });
      }
    },
    async bytes(url, maxBytes) {
      const res = await get(url, "*/*");
      const declared = Number(res.headers.get("content-length") ?? 0);
      if (declared > maxBytes) {
        await res.body?.cancel();
        throw tooLarge(url, declared, maxBytes);
      }
      const parts: Uint8Array[] = [];
      let size = 0;
      const reader = res.body?.getReader();
      for (let part = await reader?.read(); reader && part && !part.done; part = await reader.read()) {
        size += part.value.byteLength;
        if (size > maxBytes) {
          await reader.cancel();
          throw tooLarge(url, size, maxBytes);
        }
        parts.push(part.value);
      }
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const p of parts) {
        bytes.set(p, at);
        at += p.byteLength;
      }
      const contentType = res.headers.get("content-type") ?? undefined;
      return { bytes, ...(contentType ? { contentType } : {}) };
    },
  };
}

function tooLarge(url: string, size: number, maxBytes: number): AppError {
  return new AppError("too_large", `${url} is over ${maxBytes} bytes (MAX_UPLOAD_MB)`, {
    details: { url, size, maxBytes },
  });
}

function errorText(e: unknown): string | undefined {
  if (!(e instanceof Error)) return undefined;
  const cause = e.cause instanceof Error ? `: ${e.cause.message}` : "";
  return `failed (${e.message}${cause})`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
