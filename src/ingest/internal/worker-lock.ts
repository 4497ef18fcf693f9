import { randomUUID } from "node:crypto";
import { readFile, rename, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";

/** What the lock file says about its holder. */
export interface LockHolder {
  owner: string;
  pid: number;
  host: string;
  since: string;
}

export interface WorkerLock {
  /** This lock's owner id (also the prefix of its lease tokens). */
  readonly owner: string;
  /**
   * Takes the lock, or keeps it fresh when held. Returns `taken` the first time it is acquired
   * (the caller then knows every other lease on the DATA_DIR belongs to a dead worker), `held`
   * afterwards, or the live holder when another process has it.
   */
  acquire(): Promise<{ status: "taken" | "held" } | { status: "busy"; holder: LockHolder }>;
  release(): Promise<void>;
}

const FILE = "worker.lock";

/**
 * One claiming worker per local DATA_DIR: a lock file created with O_EXCL naming its holder. A
 * holder is dead when its pid is gone on this host, or (another host on a shared folder) when it
 * has not refreshed the file for `staleMs`. Object-store DATA_DIRs have no local file to lock:
 * use QUEUE_URL (Redis) to run several workers there.
 */
export function createWorkerLock(
  dir: string,
  staleMs: number,
  owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
): WorkerLock {
  const path = join(dir, FILE);
  const me: LockHolder = { owner, pid: process.pid, host: hostname(), since: new Date().toISOString() };
  let held = false;
  let refreshedAt = 0;

  async function readHolder(): Promise<{ holder: LockHolder; mtimeMs: number } | undefined> {
    try {
      const [text, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
      return { holder: JSON.parse(text) as LockHolder, mtimeMs: info.mtimeMs };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      // A half-written or garbled file: treat it as stale rather than locking the folder for good.
      if (e instanceof SyntaxError) return { holder: { owner: "?", pid: 0, host: "?", since: "" }, mtimeMs: 0 };
      throw e;
    }
  }

  function alive(h: LockHolder, mtimeMs: number): boolean {
    if (h.host === me.host && h.pid > 0) {
      try {
        process.kill(h.pid, 0);
        return true;
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === "EPERM";
      }
    }
    return Date.now() - mtimeMs < staleMs;
  }

  return {
    owner,
    async acquire() {
      const now = Date.now();
      if (held) {
        const current = await readHolder();
        if (current?.holder.owner === owner) {
          if (now - refreshedAt > staleMs / 3) {
            await utimes(path, new Date(now), new Date(now));
            refreshedAt = now;
          }
          return { status: "held" };
        }
        held = false; // Someone judged us dead and took over: stand down.
      }
      try {
        await writeFile(path, JSON.stringify(me), { flag: "wx" });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
        const current = await readHolder();
        if (current && alive(current.holder, current.mtimeMs)) return { status: "busy", holder: current.holder };
        // The holder is dead: replace its file in one rename, then check we are the one who won.
        const tmp = `${path}.${owner.replaceAll(":", "_")}`;
        await writeFile(tmp, JSON.stringify(me));
        await rename(tmp, path);
        const after = await readHolder();
        if (after?.holder.owner !== owner) return { status: "busy", holder: after?.holder ?? current!.holder };
      }
      held = true;
      refreshedAt = now;
      return { status: "taken" };
    },
    async release() {
      if (!held) return;
      held = false;
      const current = await readHolder().catch(() => undefined);
      if (current?.holder.owner === owner) await unlink(path).catch(() => undefined);
    },
  };
}
