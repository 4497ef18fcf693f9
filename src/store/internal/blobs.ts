import { createHash } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Connection, Table } from "@lancedb/lancedb";
import { Binary, Field, Int32, Schema, Utf8 } from "apache-arrow";
import { AppError } from "../../errors.ts";
import type { DocumentStore } from "../types.ts";
import type { Mutex } from "./mutex.ts";
import { storeError } from "./storage-errors.ts";
import { guard } from "./write.ts";

const KEY = /^[a-f0-9]{64}$/;
export const BLOBS_TABLE = "blobs";

const blobSchema = new Schema([
  new Field("key", new Utf8(), false),
  new Field("bytes", new Binary(), false),
  new Field("byteSize", new Int32(), false),
  new Field("createdAt", new Utf8(), false),
]);

/** Local folder for a store URI, or undefined for object-store URIs (s3://, gs://, …). */
export function localPath(uri: string): string | undefined {
  if (uri.startsWith("file://")) return fileURLToPath(uri);
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(uri) ? undefined : uri;
}

/** Opens (or creates) the `blobs` table beside the other tables of the store. */
export async function openBlobTable(db: Connection): Promise<Table> {
  return guard("open the blobs table", async () =>
    (await db.tableNames()).includes(BLOBS_TABLE)
      ? db.openTable(BLOBS_TABLE)
      : db.createEmptyTable(BLOBS_TABLE, blobSchema, { mode: "create", existOk: true }),
  );
}

export interface BlobDeps {
  uri: string;
  table: Table;
  writer: Mutex;
  /** Whether a document or a live (queued/running) job still uses the bytes under `key`. */
  inUse(key: string): Promise<boolean>;
}

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new AppError("validation_failed", `Invalid blob key: ${JSON.stringify(key)}`);
  return key;
}

/**
 * Content-addressed blobs in the LanceDB `blobs` table (key = SHA-256 of the bytes), so they live
 * under the store URI like every other table and an object-store `DATA_DIR` works for uploads too.
 * Blobs written by older versions as files in `<uri>/blobs/<key>` are still read and deleted.
 */
export function createBlobs(deps: BlobDeps): DocumentStore["blobs"] {
  const { table, writer } = deps;
  const root = localPath(deps.uri);
  const legacyFile = (key: string) => (root === undefined ? undefined : join(root, "blobs", key));
  const where = (key: string) => `key = '${checkKey(key)}'`;

  async function readLegacy(key: string): Promise<Uint8Array | undefined> {
    const file = legacyFile(key);
    if (file === undefined) return undefined;
    try {
      return new Uint8Array(await readFile(file));
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw storeError("read the upload", cause);
    }
  }

  async function remove(key: string): Promise<void> {
    await writer.run(() => guard("delete the upload", () => table.delete(where(key))));
    const file = legacyFile(key);
    if (file !== undefined) {
      await rm(file, { force: true }).catch((cause: unknown) => {
        throw storeError("delete the upload", cause);
      });
    }
  }

  return {
    async put(bytes) {
      const key = createHash("sha256").update(bytes).digest("hex");
      await writer.run(() =>
        guard("store the upload", async () => {
          // The same bytes are stored once. LanceDB commits a write whole or not at all, and
          // removes the data file of a failed write itself: no partial blob is ever visible.
          if ((await table.countRows(where(key))) > 0) return;
          await table.add([{ key, bytes, byteSize: bytes.byteLength, createdAt: new Date().toISOString() }]);
        }),
      );
      return key;
    },
    async get(key) {
      const rows = await guard("read the upload", () =>
        table.query().where(where(key)).select(["bytes"]).limit(1).toArray(),
      );
      const bytes = rows[0]?.bytes as Uint8Array | undefined;
      if (bytes) return new Uint8Array(bytes);
      const legacy = await readLegacy(key);
      if (legacy) return legacy;
      throw new AppError("not_found", `Blob ${key} not found`);
    },
    delete: remove,
    async release(key) {
      checkKey(key);
      if (await deps.inUse(key)) return false;
      await remove(key);
      return true;
    },
  };
}
