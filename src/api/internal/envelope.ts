import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { AppError, isAppError } from "../../errors.ts";
import { codeOfStatus, statusOf } from "../error-status.ts";
import type { ApiEnv, ApiLogger } from "../types.ts";

/** The one JSON error body: `{ "error": { "code", "message", "details" } }`. */
export function errorBody(err: AppError) {
  return { error: { code: err.code, message: err.message, details: err.details ?? null } };
}

/** Sends an AppError in the envelope with its mapped status (extra headers, e.g. Retry-After). */
export function sendError(c: Context, err: AppError, headers?: Record<string, string>): Response {
  return c.json(errorBody(err), statusOf(err.code), headers);
}

/** `Retry-After` for errors whose details say when to come back (`retryAfterSeconds`). */
function retryAfterOf(err: AppError): Record<string, string> | undefined {
  const s = (err.details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
  return typeof s === "number" && s > 0 ? { "Retry-After": String(Math.ceil(s)) } : undefined;
}

/** `app.onError`: AppErrors and Hono HTTPExceptions keep their meaning; anything else is a logged 500. */
export function onError(logger: ApiLogger | undefined): ErrorHandler<ApiEnv> {
  return (err, c) => {
    if (isAppError(err)) {
      if (statusOf(err.code) >= 500) logger?.error({ err, path: c.req.path }, err.message);
      return sendError(c, err, retryAfterOf(err));
    }
    if (err instanceof HTTPException) {
      const code = codeOfStatus(err.status);
      const message = code === "too_large" ? "The request body is too large" : err.message || code;
      return c.json(errorBody(new AppError(code, message)), err.status);
    }
    logger?.error({ err, path: c.req.path }, "unhandled error");
    return sendError(c, new AppError("internal", "Internal server error"));
  };
}

export const notFound: NotFoundHandler<ApiEnv> = (c) =>
  sendError(c, new AppError("not_found", `No route for ${c.req.method} ${c.req.path}`));

/** zod issues as `details`: where and what, no input echoed back. */
export function zodDetails(error: ZodError) {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** The OpenAPIHono `defaultHook`: validation failures in the envelope (400 validation_failed). */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target: string },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const err = new AppError("validation_failed", `Invalid request ${result.target}`, {
    details: zodDetails(result.error),
  });
  return sendError(c, err);
}
