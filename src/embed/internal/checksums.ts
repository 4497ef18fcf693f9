import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** Written next to a pulled model: what was downloaded, from which revision, with which hashes. */
export interface ChecksumsFile {
  model: string;
  revision: string;
  files: Record<string, string>;
}

export const CHECKSUMS_FILE = "checksums.json";

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The folder's `checksums.json`, or null when the folder has none (e.g. a hand-made model). */
export async function readChecksums(dir: string): Promise<ChecksumsFile | null> {
  let text: string;
  try {
    text = await readFile(join(dir, CHECKSUMS_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return JSON.parse(text) as ChecksumsFile;
}

/** Files whose sha256 on disk differs from the record (a missing file counts as differing). */
export async function findChecksumMismatches(dir: string, record: ChecksumsFile): Promise<string[]> {
  const bad: string[] = [];
  for (const [file, expected] of Object.entries(record.files)) {
    const actual = await sha256File(join(dir, file)).catch(() => null);
    if (actual !== expected) bad.push(file);
  }
  return bad;
}
