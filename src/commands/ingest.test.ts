// `chm-lens ingest <folder>` over real services: a folder's README and manifest describe the
// documents and are not documents; running it again says the files are unchanged.
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { servicesPerTest } from "../../test/helpers/services.ts";
import { runIngest } from "./ingest.ts";

const services = servicesPerTest();

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (x: string) => out.push(x), err: (x: string) => err.push(x) }, out, err };
}

describe("ingest command on a samples-style folder", () => {
  it("skips README.md and manifest.json when walking a folder, and says so", async () => {
    const s = await services.start();
    const folder = join(s.dir, "samples");
    await mkdir(folder);
    await copyFile("corpora/samples/rapport-national-fr.txt", join(folder, "rapport.txt"));
    await copyFile("corpora/samples/README.md", join(folder, "README.md"));
    await copyFile("corpora/samples/manifest.json", join(folder, "manifest.json"));

    const { io, out, err } = captureIo();
    expect(await runIngest(s, { paths: [folder] }, io)).toBe(0);
    const text = out.join("\n");
    expect(text).toMatch(/rapport\.txt\s+ok/);
    expect(text).not.toMatch(/README\.md\s+ok|manifest\.json\s+ok/);
    const note = err.join("\n");
    expect(note).toMatch(/Skipped 2 files that describe the folder/);
    expect(note).toContain("README.md");
    expect(note).toContain("manifest.json");
    expect(await s.store.documents.count()).toBe(1);
  }, 120_000);

  it("reports a second ingest of the same files as unchanged, not as 0 pages, 0 chunks", async () => {
    const s = await services.start();
    const file = join(s.dir, "rapport.txt");
    await copyFile("corpora/samples/rapport-national-fr.txt", file);
    expect(await runIngest(s, { paths: [file] }, captureIo().io)).toBe(0);

    const again = captureIo();
    expect(await runIngest(s, { paths: [file] }, again.io)).toBe(0);
    const text = again.out.join("\n");
    expect(text).toMatch(/rapport\.txt\s+unchanged\s+1\s+\d+\s+fr/);
    expect(text).toContain("1 unchanged (already stored)");
    expect(text).not.toMatch(/0 pages, 0 chunks/);
    expect(await s.store.documents.count()).toBe(1);
  }, 120_000);
});
