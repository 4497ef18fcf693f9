import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClassifierTrainer, loadDevSet, type Classifier } from "../classify/index.ts";
import { testConfig } from "../config.ts";
import { createEmbedder } from "../embed/index.ts";
import { DEFAULT_CORPORA_DIR } from "../vocab/index.ts";
import { loadVocabulary } from "../vocab/index.ts";
import { runClassify } from "./classify.ts";

// A real classifier on the lexical signals only: the command's behaviour does not depend on which
// signals score, and this keeps the test free of model time.
let classifier: Classifier;
let dir: string;
let maxChars: number;
beforeAll(async () => {
  const embedder = await createEmbedder({ backend: "use", modelsDir: "unused", model: "unused", batchSize: 8 });
  maxChars = embedder.maxChars;
  const vocab = await loadVocabulary();
  const trainer = createClassifierTrainer({ embedder, vocab, options: { signals: ["tfidf", "keywords"] } });
  classifier = await trainer.train((await loadDevSet(undefined, { vocab })).filter((e) => e.language === "en"));
  dir = await mkdtemp(join(tmpdir(), "classify-cmd-"));
}, 300_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
};

describe("classify --in --out", () => {
  it("writes one result per good line and one error line per bad line, and succeeds", async () => {
    const input = join(dir, "in.jsonl");
    const output = join(dir, "out.jsonl");
    await writeFile(
      input,
      [
        JSON.stringify({ id: "ok1", text: "Invasive alien species were eradicated from islands." }),
        "{not json",
        JSON.stringify({ id: "empty", text: "  " }),
        JSON.stringify({ id: "digits", text: "2023 — 45 %" }),
        JSON.stringify({ id: "big", text: "áreas protegidas ".repeat(320_000) }),
        JSON.stringify({ id: "ok2", text: "Les aires protégées couvrent 30 % du territoire.", language: "fr" }),
      ].join("\n"),
    );
    const t = io();
    expect(await runClassify({ classifier }, { in: input, out: output }, t.io)).toBe(0);
    const lines = (await readFile(output, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    expect(lines[0].id).toBe("ok1");
    expect(lines[0].suggestions.filter((s: { space: string }) => s.space === "gbf")).toHaveLength(27);
    expect(lines[0].suggestions[0]).toMatchObject({ id: "GBF-TARGET-06", decision: "suggest" });
    expect(lines[1]).toEqual({ line: 2, error: { code: "bad_request", message: "Line is not valid JSON." } });
    expect(lines[2]).toMatchObject({ id: "empty", line: 3, error: { code: "bad_request" } });
    expect(lines[3]).toMatchObject({
      id: "digits",
      line: 4,
      error: { code: "bad_request", message: expect.stringMatching(/no letters/) },
    });
    expect(lines[4].suggestions[0].id).toBe("GBF-TARGET-03");
    expect(lines[5].suggestions[0].id).toBe("GBF-TARGET-03");
  });

  it("fails when every line fails, and when the input cannot be read", async () => {
    const input = join(dir, "bad.jsonl");
    await writeFile(input, "nope\n[]\n");
    const t = io();
    expect(await runClassify({ classifier }, { in: input }, t.io)).toBe(1);
    expect(t.out.map((l) => JSON.parse(l).line)).toEqual([1, 2]);
    expect(await runClassify({ classifier }, { in: join(dir, "missing.jsonl") }, t.io)).toBe(1);
    expect(t.err.at(-1)).toMatch(/missing\.jsonl/);
  });
});

describe("classify <file>", () => {
  const config = testConfig();
  const deps = () => ({ classifier, fileDeps: { classifier, config, maxChars } });

  it("extracts, chunks and classifies one document", async () => {
    const file = join(dir, "report.txt");
    await writeFile(file, "Gender equality: women and girls lead the new gender action plan.");
    const t = io();
    expect(await runClassify(deps(), { file }, t.io)).toBe(0);
    const line = JSON.parse(t.out[0]!);
    expect(line.id).toBe("report.txt");
    expect(line.suggestions[0].id).toBe("GBF-TARGET-23");
    expect(line.suggestions[0].evidence[0]).toMatchObject({ chunkId: "report.txt:0", page: 1 });
  });

  it("cites the chunk and page of a PDF where the evidence is", async () => {
    // The sample report has Targets 6 and 7 on page 4 (corpora/samples/manifest.json).
    const t = io();
    const file = join(DEFAULT_CORPORA_DIR, "samples", "gbf-section-1-multipage.pdf");
    expect(await runClassify(deps(), { file }, t.io)).toBe(0);
    const t6 = JSON.parse(t.out[0]!).suggestions.find((s: { id: string }) => s.id === "GBF-TARGET-06");
    expect(t6.decision).not.toBe("none");
    expect(t6.evidence[0]).toMatchObject({
      page: 4,
      chunkId: expect.stringMatching(/^gbf-section-1-multipage\.pdf:\d+$/),
    });
  });

  it("writes an error line and fails for a file it cannot read", async () => {
    const t = io();
    expect(await runClassify(deps(), { file: join(dir, "missing.pdf") }, t.io)).toBe(1);
    expect(JSON.parse(t.out[0]!)).toMatchObject({ id: "missing.pdf", line: 1, error: { code: expect.any(String) } });
  });
});
