// A worker killed mid-job leaves no half-written document, and its job is finished by the next worker.
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Embedder } from "../src/embed/index.ts";
import { sample, shippedEmbedder, tempServices, type TempServices } from "./helpers/services.ts";

let embedder: Embedder;
let s: TempServices;
const children: ChildProcess[] = [];
beforeAll(async () => {
  embedder = await shippedEmbedder();
  s = await tempServices(embedder);
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await s.close();
  await rm(s.dir, { recursive: true, force: true });
  await embedder.close?.();
});

/** Starts test/helpers/worker-child.ts under tsx with the given env on the shared DATA_DIR. */
function startChild(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/worker-child.ts"], {
    env: {
      ...process.env,
      DATA_DIR: s.dir,
      OCR_ENABLED: "false",
      JOB_POLL_MS: "50",
      LOG_LEVEL: "silent",
      INGEST_SAMPLES_ON_EMPTY: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  const waitFor = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (out.includes(line) ? resolve() : undefined);
      child.stdout!.on("data", check);
      child.once("exit", (code, sig) =>
        out.includes(line) ? resolve() : reject(new Error(`child exited (${code ?? sig}) before "${line}": ${out}`)),
      );
      check();
    });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, waitFor, exited };
}

describe("worker crash", () => {
  it("re-runs a job whose worker was killed, with nothing half-written in between", async () => {
    const job = await s.queue.enqueue({
      bytes: await sample("nbsap-invasive-species.docx"),
      meta: { filename: "nbsap-invasive-species.docx" },
      documentKey: "samples/nbsap-invasive-species.docx",
    });

    // A short lease so the next worker may take the job soon after the kill.
    const first = startChild({ STALL_ON_EMBED: "1", JOB_TIMEOUT_MS: "5000" });
    await first.waitFor("STALLED");
    first.child.kill("SIGKILL");
    await first.exited;

    const crashed = await s.queue.get(job.id);
    expect(crashed).toMatchObject({ state: "running", attempts: 1 });
    expect(await s.store.documents.count()).toBe(0);
    expect(await s.store.chunks.count()).toBe(0);

    const second = startChild({ EXIT_WHEN_JOB: job.id, JOB_TIMEOUT_MS: "60000" });
    await second.waitFor("JOB done");
    expect(await second.exited).toBe(0);

    const finished = await s.queue.get(job.id);
    expect(finished).toMatchObject({ state: "done", attempts: 2 });
    const doc = await s.store.documents.get(finished!.documentId!);
    expect(doc?.chunkCount).toBeGreaterThan(0);
    expect(await s.store.chunks.count()).toBe(doc!.chunkCount);
    const [query] = await embedder.embed(["invasive alien species eradication"], "query");
    const hits = await s.store.chunks.search({ mode: "semantic", vector: query!, limit: 1 });
    expect(hits[0]?.documentId).toBe(doc!.id);
  }, 180_000);
});
