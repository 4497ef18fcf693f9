import { createHash, createHmac, scryptSync, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { AppError } from "../../errors.ts";
import type { ApiEnv, Principal, Role } from "../types.ts";

export interface KeyEntry {
  /** sha256 of the key: we compare digests so the raw keys never sit in a lookup table. */
  digest: Buffer;
  role: Role;
  /** What `submittedBy` and feedback `user` record: the key's name, else a keyed hash of it. */
  fingerprint: string;
  /** The pre-HMAC fingerprint of the same key: still proves ownership of older documents. */
  legacy: string;
}

const NAME_RE = /^[A-Za-z0-9_.-]{1,64}$/;
const ROLES = new Set<string>(["submitter", "secretariat"]);

/** The old unsalted id (sha256(key)[:16]): only compared, never recorded any more. */
export function legacyFingerprintOf(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

/**
 * A stable id for an unnamed key that cannot be recomputed from a guessed key without the server
 * secret: HMAC-SHA256(CHM_KEY_SECRET, key). Without a secret it falls back to scrypt, which only
 * slows guessing down (a warning says so).
 */
export function fingerprintOf(key: string, secret: string): string {
  if (secret) return createHmac("sha256", secret).update(key).digest("hex").slice(0, 16);
  return scryptSync(key, "chm-lens key id", 8, { N: 1 << 14 }).toString("hex");
}

/**
 * Parses `CHM_API_KEYS`: `name:key:role` (recorded as `name`) or the older `key:role` (recorded as
 * a keyed hash, see `fingerprintOf`). Throws config_invalid on an unknown role or a bad name, so a
 * typo cannot silently downgrade or open the API. A key containing `:` needs the named form.
 */
export function parseApiKeys(raw: string, secret = ""): KeyEntry[] {
  const entries: KeyEntry[] = [];
  for (const part of raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const fields = part.split(":");
    const role = fields.length >= 2 ? fields.at(-1)! : "";
    const named = fields.length >= 3;
    const name = named ? fields[0]! : "";
    const key = named ? fields.slice(1, -1).join(":") : (fields[0] ?? "");
    if (!key || !ROLES.has(role) || (named && !NAME_RE.test(name))) {
      throw new AppError(
        "config_invalid",
        "CHM_API_KEYS entries must be name:key:role or key:role, role submitter or secretariat, name of letters, digits, _ . -",
      );
    }
    entries.push({
      digest: createHash("sha256").update(key).digest(),
      role: role as Role,
      fingerprint: named ? name : fingerprintOf(key, secret),
      legacy: legacyFingerprintOf(key),
    });
  }
  const ids = entries.map((e) => e.fingerprint);
  if (new Set(ids).size !== ids.length) throw new AppError("config_invalid", "CHM_API_KEYS has two keys with one name");
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
    c.set(
      "principal",
      entry ? { role: entry.role, fingerprint: entry.fingerprint, aliases: [entry.legacy], open: false } : undefined,
    );
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
