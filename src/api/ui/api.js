// Talks to the chm-lens HTTP API: adds the stored API key and turns the error envelope
// { error: { code, message, details } } into an ApiError with a message a person can act on.

/**
 * Response and request bodies of the API, generated from GET /openapi.json (npm run ui:types).
 * @typedef {import("./api-types.js").components["schemas"]} Schemas
 */

const KEY_STORAGE = "chm-lens.apiKey";

/** The API key saved in this browser, or "" when none is set (or storage is blocked). */
export function getApiKey() {
  try {
    return localStorage.getItem(KEY_STORAGE) ?? "";
  } catch {
    return "";
  }
}

/**
 * Saves the key; an empty value forgets it.
 * @param {string} value
 */
export function setApiKey(value) {
  try {
    if (value) localStorage.setItem(KEY_STORAGE, value);
    else localStorage.removeItem(KEY_STORAGE);
  } catch {
    // Private mode can block storage; the key then lives only for this page.
  }
}

export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {unknown} [details]
   */
  constructor(status, code, message, details) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/**
 * Calls the API and returns the parsed JSON body. Callers state its type from the generated
 * schemas with a JSDoc cast, e.g. `@type {Schemas["Job"]}` on the awaited call.
 * @param {string} path e.g. "/v1/search?q=forest"
 * @param {{ method?: string, json?: unknown, form?: FormData, signal?: AbortSignal }} [opts]
 * @returns {Promise<unknown>}
 */
export async function api(path, opts = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: "application/json" };
  const key = getApiKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  let body;
  if (opts.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    body = opts.form;
  }
  let res;
  try {
    res = await fetch(path, { method: opts.method ?? "GET", headers, body, signal: opts.signal });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError(0, "network", "Could not reach the chm-lens server. Check that it is running.");
  }
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const env = data && typeof data === "object" ? data.error : undefined;
    throw new ApiError(
      res.status,
      env?.code ?? `http_${res.status}`,
      env?.message ?? `The server answered ${res.status} ${res.statusText}.`,
      env?.details,
    );
  }
  return data;
}

/**
 * True for the rejection of an aborted fetch or sleep (a newer request replaced it).
 * @param {unknown} err
 */
export function isAbort(err) {
  return err instanceof DOMException && err.name === "AbortError";
}

/**
 * One readable sentence (plus field problems) for an error from api().
 * @param {unknown} err
 * @returns {string}
 */
export function describeError(err) {
  if (!(err instanceof ApiError)) return `Something went wrong: ${err instanceof Error ? err.message : String(err)}`;
  let msg = err.message;
  if (err.code === "unauthorized" || err.status === 401) {
    msg += " Set an API key under “API key” at the top of the page.";
  } else if (err.code === "forbidden" || err.status === 403) {
    msg += " Your API key is not allowed to do this.";
  } else if (err.code === "rate_limited" || err.status === 429) {
    msg += " Wait a moment and try again.";
  }
  const problems = detailLines(err.details);
  return problems.length ? `${msg} (${problems.join("; ")})` : msg;
}

/**
 * @param {any} details the envelope's `details`: a string, a list of issues or `{ issues }`
 * @returns {string[]}
 */
function detailLines(details) {
  if (!details) return [];
  if (typeof details === "string") return [details];
  if (Array.isArray(details)) {
    return details
      .slice(0, 5)
      .map((/** @type {any} */ d) =>
        typeof d === "string" ? d : d?.message ? `${fieldOf(d.path) || "input"}: ${d.message}` : "",
      )
      .filter(Boolean);
  }
  if (Array.isArray(details.issues)) return detailLines(details.issues);
  return [];
}

// The API sends `path` as a dotted string ("filters.from"); zod's own issues carry an array.
/** @param {unknown} path */
function fieldOf(path) {
  if (Array.isArray(path)) return path.join(".");
  return typeof path === "string" ? path : "";
}
