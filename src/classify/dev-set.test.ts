import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDevSet } from "./dev-set.ts";

describe("loadDevSet", () => {
  it("loads the 454 labelled questions with their keys", async () => {
    const dev = await loadDevSet();
    expect(dev).toHaveLength(454);
    expect(new Set(dev.map((e) => e.language))).toEqual(new Set(["en", "fr", "es", "ar", "ru", "zh"]));
    expect(dev.every((e) => e.key && e.labels.length === 1)).toBe(true);
  });

  it("names the line of an unknown label", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dev-"));
    try {
      const file = join(dir, "x.jsonl");
      await writeFile(
        file,
        `{"id":"a","text":"t","labels":["GBF-TARGET-01"]}\n{"id":"b","text":"t","labels":["GBF-TARGET-42"]}\n`,
      );
      await expect(loadDevSet(undefined, { file })).rejects.toMatchObject({
        code: "unknown_label",
        message: expect.stringMatching(/line 2 \(id b\): unknown label id GBF-TARGET-42/),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
