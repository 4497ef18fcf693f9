// `chm-lens ingest` and `chm-lens jobs` as command functions over real services.
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runIngest } from "../src/commands/ingest.ts";
import { runJobs } from "../src/commands/jobs.ts";
import { servicesPerTest } from "./helpers/services.ts";

const services = servicesPerTest();

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (x: string) => out.push(x), err: (x: string) => err.push(x) }, out, err };
}

describe("ingest command", () => {
  it("walks folders, ingests good files, reports bad ones with their code and exits 1", async () => {
    const s = await services.start();
    const folder = join(s.dir, "inbox");
    await mkdir(join(folder, "nested"), { recursive: true });
    await copyFile("corpora/samples/rapport-national-fr.txt", join(folder, "rapport.txt"));
    await copyFile("test/fixtures/sample.md", join(folder, "nested", "notes.md"));
    await copyFile("test/fixtures/encrypted.pdf", join(folder, "nested", "locked.pdf"));
    await copyFile("test/fixtures/sample.md", join(folder, ".hidden.md"));

    const { io, out } = captureIo();
    const code = await runIngest(s, { paths: [folder] }, io);
    expect(code).toBe(1);
    const text = out.join("\n");
    expect(text).toMatch(/rapport\.txt\s+ok\s+1\s+\d+\s+fr/);
    expect(text).toMatch(/notes\.md\s+ok/);
    expect(text).toMatch(/locked\.pdf\s+failed.*encrypted_pdf/);
    expect(text).not.toContain(".hidden.md");
    expect(text).toContain("2 ok, 1 failed");
    expect(await s.store.documents.count()).toBe(2);

    const jobs = captureIo();
    expect(await runJobs(s, { state: "failed" }, jobs.io)).toBe(0);
    expect(jobs.out.join("\n")).toMatch(/failed\s+1\/3\s+locked\.pdf.*encrypted_pdf/);
  });

  it("exits 0 when every file is ingested, and 1 when nothing was found", async () => {
    const s = await services.start();
    const ok = captureIo();
    expect(await runIngest(s, { paths: ["test/fixtures/latin1.txt"] }, ok.io)).toBe(0);
    const missing = captureIo();
    expect(await runIngest(s, { paths: [join(s.dir, "nope")] }, missing.io)).toBe(1);
    expect(missing.err.join("\n")).toContain("Not found");
  });
});
