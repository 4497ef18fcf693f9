/**
 * `npm start` under a process manager: SIGTERM goes to the npm process, and the server must stop
 * with it (no orphaned server holding the port).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
let dir: string | undefined;
let npm: ChildProcess | undefined;
let tree: number[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Every process below `pid` (npm → sh → node …). */
function descendants(pid: number): number[] {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of rows) {
      if (parent === p) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(async () => {
  // Only the processes this test started.
  for (const pid of tree) if (alive(pid)) process.kill(pid, "SIGKILL");
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("stops the server when the npm process gets SIGTERM", async () => {
    dir = await mkdtemp(join(tmpdir(), "npm-start-"));
    const port = await freePort();
    npm = spawn("npm", ["start", "--silent"], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dir,
        CLASSIFIER_CACHE_DIR: join(ROOT, "node_modules/.cache/chm-lens/classifier"),
        INGEST_SAMPLES_ON_EMPTY: "false",
        WORKER_ENABLED: "false",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    npm.stdout?.on("data", (b) => (log += b));
    npm.stderr?.on("data", (b) => (log += b));
    const exited = new Promise<number | null>((r) => npm!.on("exit", (code) => r(code)));

    let up = false;
    while (!up && npm.exitCode === null) {
      up = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!up) await sleep(250);
    }
    expect(up, log).toBe(true);
    tree = [npm.pid!, ...descendants(npm.pid!)];

    npm.kill("SIGTERM");
    await exited;
    // Every process npm started ends, and nothing answers on the port any more.
    while (tree.some(alive)) await sleep(100);
    const after = await fetch(`http://127.0.0.1:${port}/health`).then(
      () => "answered",
      () => "refused",
    );
    expect(after).toBe("refused");
  }, 120_000);
});
