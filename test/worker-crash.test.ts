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
  return { child, waitFor, exited, output: () => out };
}

describe("worker crash", () => {
  it("re-runs a killed worker's job as soon as the next worker starts, with nothing half-written", async () => {
    const job = await s.queue.enqueue({
      bytes: await sample("nbsap-invasive-species.docx"),
      meta: { filename: "nbsap-invasive-species.docx" },
      documentKey: "samples/nbsap-invasive-species.docx",
    });

    // A ten-minute lease: the restarted worker must not wait it out.
    const first = startChild({ STALL_ON_EMBED: "1", JOB_LEASE_MS: "600000" });
    await first.waitFor("STALLED");
    first.child.kill("SIGKILL");
    await first.exited;

    const crashed = await s.queue.get(job.id);
    expect(crashed).toMatchObject({ state: "running", attempts: 1 });
    expect(await s.store.documents.count()).toBe(0);
    expect(await s.store.chunks.count()).toBe(0);

    const second = startChild({ EXIT_WHEN_JOB: job.id, JOB_LEASE_MS: "600000" });
    await second.waitFor("JOB done");
    expect(await second.exited).toBe(0);

    const finished = await s.queue.get(job.id);
    expect(finished).toMatchObject({ state: "done", attempts: 2 });
    // Finished while the dead worker's lease still had minutes to run.
    expect(Date.parse(finished!.updatedAt)).toBeLessThan(Date.parse(crashed!.leaseUntil!));
    const doc = await s.store.documents.get(finished!.documentId!);
    expect(doc?.chunkCount).toBeGreaterThan(0);
    expect(await s.store.chunks.count()).toBe(doc!.chunkCount);
    const [query] = await embedder.embed(["invasive alien species eradication"], "query");
    const hits = await s.store.chunks.search({ mode: "semantic", vector: query!, limit: 1 });
    expect(hits[0]?.documentId).toBe(doc!.id);
  }, 180_000);

  it("lets one of two worker processes on one DATA_DIR run the jobs, so no chunk is written twice", async () => {
    const names = ["case-study-wetlands.html", "rapport-national-fr.txt", "biodiversity-finance-plan.md"];
    const jobs = [];
    for (const name of names)
      jobs.push(
        await s.queue.enqueue({ bytes: await sample(name), meta: { filename: name }, documentKey: `two/${name}` }),
      );
    const a = startChild({ EXIT_WHEN_JOB: jobs.at(-1)!.id });
    const b = startChild({ EXIT_WHEN_JOB: jobs.at(-1)!.id });
    await Promise.all([a.waitFor("JOB done"), b.waitFor("JOB done")]);
    await Promise.all([a.exited, b.exited]);

    const ran = [a, b].map((c) => c.output().match(/^RAN /gm)?.length ?? 0);
    expect(ran.sort()).toEqual([0, names.length]);
    for (const job of jobs) expect(await s.queue.get(job.id)).toMatchObject({ state: "done", attempts: 1 });
    const docs = await s.store.documents.list();
    const chunks = (await Promise.all(docs.map((d) => s.store.chunks.forDocument(d.id)))).flat();
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
    expect(await s.store.chunks.count()).toBe(docs.reduce((n, d) => n + d.chunkCount, 0));
  }, 180_000);
});
