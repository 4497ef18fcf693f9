import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { AppError } from "../../errors.ts";
import type { ApiEnv, Principal, Role } from "../types.ts";

export interface KeyEntry {
  /** sha256 of the key: we compare digests so the raw keys never sit in a lookup table. */
  digest: Buffer;
  role: Role;
  fingerprint: string;
}

/** A stable, non-reversible id for a key: what `submittedBy` and feedback `user` record. */
export function fingerprintOf(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

/**
 * Parses `CHM_API_KEYS` (`key:role,key:role`). Throws config_invalid on an unknown role so a
 * typo cannot silently downgrade or open the API.
 */
export function parseApiKeys(raw: string): KeyEntry[] {
  const entries: KeyEntry[] = [];
  for (const part of raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.lastIndexOf(":");
    const key = at > 0 ? part.slice(0, at) : "";
    const role = at > 0 ? part.slice(at + 1) : "";
    if (!key || (role !== "submitter" && role !== "secretariat")) {
      throw new AppError("config_invalid", "CHM_API_KEYS entries must be key:submitter or key:secretariat");
    }
    entries.push({ digest: createHash("sha256").update(key).digest(), role, fingerprint: fingerprintOf(key) });
  }
  return entries;
}

const OPEN: Principal = { role: "secretariat", fingerprint: "local", open: true };

/**
 * Resolves `Authorization: Bearer <key>` into `c.var.principal`. With no keys configured the
 * API is in open demo mode: every caller acts as secretariat `local`. A present but unknown
 * key is a 401 even on public reads, so a client with a stale key notices.
 */
export function authenticate(keys: KeyEntry[]): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (keys.length === 0) {
      c.set("principal", OPEN);
      return next();
    }
    const header = c.req.header("authorization");
    if (!header) {
      c.set("principal", undefined);
      return next();
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const digest = match?.[1] ? createHash("sha256").update(match[1]).digest() : undefined;
    const entry = digest ? keys.find((k) => timingSafeEqual(k.digest, digest)) : undefined;
    c.set("principal", entry ? { role: entry.role, fingerprint: entry.fingerprint, open: false } : undefined);
    c.set("badKey", !entry);
    return next();
  };
}

/**
 * Rejects a present but unknown key (401). Runs after the rate limiter, so guessing keys is
 * rate-limited by client address like any anonymous traffic.
 */
export function rejectBadKey(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (c.get("badKey")) throw new AppError("unauthorized", "Invalid API key");
    return next();
  };
}

/** The caller, or 401 when there is none. */
export function requirePrincipal(principal: Principal | undefined): Principal {
  if (!principal) throw new AppError("unauthorized", "This request needs an API key (Authorization: Bearer <key>)");
  return principal;
}

/** Route middleware: a key of the given role (secretariat satisfies submitter). */
export function requireRole(role: Role): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const p = requirePrincipal(c.get("principal"));
    if (role === "secretariat" && p.role !== "secretariat") {
      throw new AppError("forbidden", "Only a secretariat key may do this");
    }
    return next();
  };
}

/** Route middleware for reads: open unless PUBLIC_READ=false. */
export function requireRead(publicRead: boolean): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!publicRead) requirePrincipal(c.get("principal"));
    return next();
  };
}
