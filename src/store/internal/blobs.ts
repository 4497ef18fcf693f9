import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AppError } from "../../errors.ts";
import type { DocumentStore } from "../types.ts";

const KEY = /^[a-f0-9]{64}$/;

/** Local folder for a store URI, or undefined for object-store URIs (s3://, gs://, …). */
export function localPath(uri: string): string | undefined {
  if (uri.startsWith("file://")) return fileURLToPath(uri);
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(uri) ? undefined : uri;
}

/**
 * Content-addressed blob storage in `<uri>/blobs/<sha256>`: the same bytes always get the
 * same key, so re-uploads cost nothing. Object-store URIs are not supported yet.
 */
export function createBlobs(uri: string): DocumentStore["blobs"] {
  const root = localPath(uri);
  const dir = (): string => {
    if (root === undefined) {
      throw new AppError("config_invalid", `Blob storage for ${uri} is not supported yet: use a local DATA_DIR`);
    }
    return join(root, "blobs");
  };
  const file = (key: string): string => {
    if (!KEY.test(key)) throw new AppError("validation_failed", `Invalid blob key: ${JSON.stringify(key)}`);
    return join(dir(), key);
  };
  return {
    async put(bytes) {
      const key = createHash("sha256").update(bytes).digest("hex");
      await mkdir(dir(), { recursive: true });
      // Write then rename so a reader never sees a half-written blob.
      const tmp = `${file(key)}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file(key));
      return key;
    },
    async get(key) {
      const path = file(key);
      try {
        return new Uint8Array(await readFile(path));
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === "ENOENT") {
          throw new AppError("not_found", `Blob ${key} not found`, { cause });
        }
        throw new AppError("store_failed", `Could not read blob ${key}`, { cause, transient: true });
      }
    },
    async delete(key) {
      await rm(file(key), { force: true });
    },
  };
}
