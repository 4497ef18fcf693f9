import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Classifier, ClassifierTrainer, LabelledExample } from "../src/classify/types.ts";
import { EVAL_CHECKS, runEvalAll } from "../src/commands/eval-all.ts";
import { readLatestEval, runEval } from "../src/commands/eval.ts";
import { type EvalReportFile, readLatestChecks } from "../src/eval/index.ts";
import { loadVocabulary } from "../src/vocab/index.ts";
import type { Vocabulary } from "../src/vocab/types.ts";

// A deterministic word-overlap classifier: enough to exercise the command's wiring without a model.
const words = (t: string) => new Set(t.toLowerCase().match(/\p{L}+/gu) ?? []);
const trained: string[][] = [];
const heldOut: number[] = [];
const trainer: ClassifierTrainer = {
  async train(examples, opts) {
    trained.push(examples.map((e) => e.id));
    heldOut.push(opts?.holdOut?.size ?? 0);
    const bags = new Map<string, Set<string>>();
    for (const ex of examples)
      for (const l of ex.labels) bags.set(l, new Set([...(bags.get(l) ?? []), ...words(ex.text)]));
    const classifier: Classifier = {
      version: "overlap-1",
      async classifyText(text) {
        const w = words(text);
        const suggestions = [...bags].map(([id, bag]) => {
          const score = [...w].filter((x) => bag.has(x)).length / Math.max(1, w.size);
          return {
            id,
            space: "gbf" as const,
            score,
            decision: score >= 0.5 ? ("suggest" as const) : ("none" as const),
            evidence: [],
          };
        });
        return { suggestions, modelId: "overlap", classifierVersion: "overlap-1", thresholds: { suggest: 0.5 } };
      },
      classifyChunks: async () => {
        throw new Error("unused");
      },
    };
    return classifier;
  },
};

const devSet: LabelledExample[] = [
  ["p1", "marine protected areas cover the coast", "GBF-TARGET-03"],
  ["p2", "protected areas on land and sea", "GBF-TARGET-03"],
  ["i1", "invasive alien species eradicated on islands", "GBF-TARGET-06"],
  ["i2", "rats are invasive alien species", "GBF-TARGET-06"],
  ["n1", "nutrient pollution and pesticide runoff", "GBF-TARGET-07"],
  ["n2", "plastic pollution in rivers", "GBF-TARGET-07"],
].map(([id, text, label]) => ({ id: id!, text: text!, labels: [label!], language: "en" }));

let vocab: Vocabulary;
let dir: string;
beforeAll(async () => {
  vocab = await loadVocabulary();
});
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe("runEval", () => {
  it("cross-validates the dev set, writes both files and the latest copy", async () => {
    dir = await mkdtemp(join(tmpdir(), "chm-eval-"));
    const { io, out, err } = capture();
    const code = await runEval(
      { trainer, devSet, vocab, latestDir: join(dir, "latest"), now: () => new Date("2026-11-27T10:00:00Z") },
      { out: join(dir, "out"), k: 3 },
      io,
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const file = JSON.parse(await readFile(join(dir, "out", "metrics.json"), "utf8")) as EvalReportFile;
    expect(file.meta).toMatchObject({
      mode: "cross-validation",
      folds: 3,
      modelId: "overlap",
      createdAt: "2026-11-27T10:00:00.000Z",
    });
    expect(file.meta.thresholds.map((t) => t.scope)).toEqual(["fold 1", "fold 2", "fold 3"]);
    expect(file.examples).toHaveLength(6);
    expect(await readFile(join(dir, "out", "report.html"), "utf8")).toContain("<svg ");
    expect(out.join("\n")).toMatch(/P@1 .*R@3/);
    expect(out.join("\n")).toContain("language");
    const latest = await readLatestEval(join(dir, "latest"));
    expect(latest?.metrics.summary).toEqual(file.summary);
    expect(latest?.reportHtml).toContain("<title>chm-lens eval");
  });

  it("evaluates a dataset, trains without its ids and reports bad lines", async () => {
    dir = await mkdtemp(join(tmpdir(), "chm-eval-"));
    const dataset = join(dir, "d.jsonl");
    await writeFile(
      dataset,
      [
        JSON.stringify({ id: "p1", text: "protected areas along the coast", labels: ["GBF-TARGET-03"] }),
        "{oops",
        JSON.stringify({ id: "x", text: "rats", labels: ["GBF-TARGET-42"] }),
        JSON.stringify({ id: "y", text: "invasive species on islands", labels: ["GBF-TARGET-06"], language: "en" }),
      ].join("\n"),
    );
    trained.length = 0;
    const { io, err } = capture();
    const code = await runEval({ trainer, devSet, vocab }, { dataset, out: join(dir, "out") }, io);
    expect(code).toBe(0);
    expect(trained).toEqual([devSet.map((e) => e.id).filter((id) => id !== "p1")]);
    expect(err.some((e) => e.startsWith("skipped line 2: not valid JSON"))).toBe(true);
    expect(err).toContain("skipped line 3 (id x): unknown label id GBF-TARGET-42");
    const file = JSON.parse(await readFile(join(dir, "out", "metrics.json"), "utf8")) as EvalReportFile;
    expect(file.meta.mode).toBe("held-out");
    expect(file.meta.skippedLines?.map((s) => s.line)).toEqual([2, 3]);
    expect(file.examples.map((e) => e.id)).toEqual(["p1", "y"]);
  });

  it("trains on --train-on instead of the dev set (the reverse cross-genre direction)", async () => {
    dir = await mkdtemp(join(tmpdir(), "chm-eval-"));
    const reports = join(dir, "reports.jsonl");
    const questions = join(dir, "questions.jsonl");
    const line = (id: string, text: string, label: string) =>
      JSON.stringify({ id, text, labels: [label], language: "en", genre: "report" });
    await writeFile(
      reports,
      [
        line("r1", "coastal protected areas", "GBF-TARGET-03"),
        line("r2", "invasive rats eradicated", "GBF-TARGET-06"),
        line("p1", "shared id: left out of training", "GBF-TARGET-07"),
      ].join("\n"),
    );
    await writeFile(questions, devSet.map((e) => JSON.stringify(e)).join("\n"));
    trained.length = 0;
    const { io } = capture();
    const code = await runEval(
      { trainer, devSet, vocab },
      { dataset: questions, trainOn: reports, out: join(dir, "out") },
      io,
    );
    expect(code).toBe(0);
    expect(trained).toEqual([["r1", "r2"]]);
    const file = JSON.parse(await readFile(join(dir, "out", "metrics.json"), "utf8")) as EvalReportFile;
    expect(file.meta).toMatchObject({ mode: "held-out", dataset: "questions.jsonl", trainedOn: "reports.jsonl" });
    expect(file.examples.map((e) => e.id)).toEqual(devSet.map((e) => e.id));
  });

  it("refuses --train-on without --dataset", async () => {
    const { io, err } = capture();
    const code = await runEval({ trainer, devSet, vocab }, { trainOn: "/tmp/x.jsonl", out: "/nonexistent" }, io);
    expect(code).toBe(1);
    expect(err[0]).toMatch(/--train-on needs --dataset/);
  });

  it("fails with exit code 1 and a message when the dataset cannot be read", async () => {
    const { io, err } = capture();
    const code = await runEval(
      { trainer, devSet, vocab },
      { dataset: "/nonexistent/d.jsonl", out: "/nonexistent/out" },
      io,
    );
    expect(code).toBe(1);
    expect(err[0]).toMatch(/Cannot read dataset \/nonexistent\/d.jsonl/);
  });

  it("readLatestEval returns undefined before any eval ran", async () => {
    dir = await mkdtemp(join(tmpdir(), "chm-eval-"));
    expect(await readLatestEval(dir)).toBeUndefined();
  });
});

describe("runEval label space", () => {
  it("scores targets only when asked, leaving goal-labelled examples out", async () => {
    dir = await mkdtemp(join(tmpdir(), "chm-eval-"));
    const withGoal = [
      ...devSet,
      { id: "g1", text: "sustainable use of biodiversity", labels: ["GBF-GOAL-B"], language: "en" },
    ];
    const { io } = capture();
    const code = await runEval({ trainer, devSet: withGoal, vocab }, { out: dir, k: 3, space: "gbf-targets" }, io);
    expect(code).toBe(0);
    const file = JSON.parse(await readFile(join(dir, "metrics.json"), "utf8")) as EvalReportFile;
    expect(file.meta.labelSpace).toBe("gbf-targets");
    expect(file.skippedNoGold).toEqual(["g1"]);
    expect(file.labelSpace.every((id) => id.startsWith("GBF-TARGET-"))).toBe(true);
  });

  it("scores CBD subjects on the labelled report passages, a gold subject's broader ones implied", async () => {
    dir = await mkdtemp(join(tmpdir(), "chm-eval-"));
    // Suggests Marine (and its broader Biomes) for coastal text, Protected Areas for protected.
    const subject = (id: string) => ({
      id,
      space: "subject" as const,
      score: 0.9,
      decision: "suggest" as const,
      evidence: [],
    });
    const subjectTrainer: ClassifierTrainer = {
      async train() {
        return {
          version: "subjects-1",
          async classifyText(text) {
            const suggestions = [
              ...(/marine|coast/i.test(text) ? ["CBD-SUBJECT-MAR", "CBD-SUBJECT-BIOMES"] : []),
              ...(/protected/i.test(text) ? ["CBD-SUBJECT-PA"] : []),
            ].map(subject);
            return { suggestions, modelId: "m", classifierVersion: "subjects-1", thresholds: {} };
          },
          classifyChunks: async () => {
            throw new Error("unused");
          },
        };
      },
    };
    const { io } = capture();
    expect(await runEval({ trainer: subjectTrainer, devSet, vocab }, { out: dir, space: "subjects" }, io)).toBe(0);
    const passages = JSON.parse(await readFile(join(dir, "metrics.json"), "utf8")) as EvalReportFile;
    expect(passages.meta.dataset).toBe("report-passages.jsonl");
    expect(passages.summary.n).toBe(55);
    expect(passages.labelSpace.every((id) => id.startsWith("CBD-SUBJECT-"))).toBe(true);

    const data = join(dir, "subjects.jsonl");
    await writeFile(
      data,
      `${JSON.stringify({ id: "s1", text: "Marine and coastal waters", labels: ["CBD-SUBJECT-MAR"] })}\n${JSON.stringify({ id: "s2", text: "Protected marine areas", labels: ["CBD-SUBJECT-PA"] })}\n`,
    );
    const code = await runEval(
      { trainer: subjectTrainer, devSet, vocab },
      { out: dir, space: "subjects", dataset: data },
      io,
    );
    expect(code).toBe(0);
    const file = JSON.parse(await readFile(join(dir, "metrics.json"), "utf8")) as EvalReportFile;
    // s1: Biomes is implied by Marine, neither right nor wrong; s2: Marine and Biomes are wrong.
    expect(file.summary.microPrecision.suggest).toBeCloseTo(2 / 4);
    expect(file.summary.microRecall.suggest).toBe(1);
  });

  it("keeps each space's latest eval beside the latest of all, and `all` runs SDGs, subjects and GBF", async () => {
    dir = await mkdtemp(join(tmpdir(), "chm-eval-"));
    const sdgDevSet: LabelledExample[] = [
      ["w1", "clean water and sanitation for all households", "SUSTAINABLE-DEVELOPMENT-GOAL-06"],
      ["w2", "drinking water supply and sanitation", "SUSTAINABLE-DEVELOPMENT-GOAL-06"],
      ["w3", "water quality of rivers and sanitation", "SUSTAINABLE-DEVELOPMENT-GOAL-06"],
      ["e1", "schools and education for every child", "SUSTAINABLE-DEVELOPMENT-GOAL-04"],
      ["e2", "quality education and teachers in schools", "SUSTAINABLE-DEVELOPMENT-GOAL-04"],
      ["e3", "education of girls in primary schools", "SUSTAINABLE-DEVELOPMENT-GOAL-04"],
    ].map(([id, text, label]) => ({ id: id!, text: text!, labels: [label!], language: "en" }));
    const latest = join(dir, "latest");
    const { io, out } = capture();
    const code = await runEvalAll({ trainer, devSet, sdgDevSet, vocab, latestDir: latest }, { out: dir, k: 3 }, io);
    expect(code).toBe(0);
    for (const space of ["sdg", "subjects", "gbf"] as const) {
      const file = JSON.parse(await readFile(join(dir, space, "metrics.json"), "utf8")) as EvalReportFile;
      expect(file.meta.labelSpace).toBe(space);
      expect((await readLatestEval(latest, space))?.metrics.meta.labelSpace).toBe(space);
    }
    // GBF runs last, so the API's default answer stays the GBF eval.
    expect((await readLatestEval(latest))?.metrics.meta.labelSpace).toBe("gbf");
    const table = out.join("\n").split("=== all spaces")[1]!;
    expect(table).toMatch(/\nsdg · sdg-dev\/oro-gold\.jsonl\s+6\s/);
    expect(table).toMatch(/\nsubjects · report-passages\.jsonl\s+55\s/);
    expect(table).toMatch(/\ngbf · development set\s+6\s/);
  });

  it("`all` also scores every held-out check (genres, languages) without replacing a space's latest eval", async () => {
    dir = await mkdtemp(join(tmpdir(), "chm-eval-"));
    const sdgDevSet: LabelledExample[] = Array.from({ length: 6 }, (_, i) => ({
      id: `w${i}`,
      text: "clean water and sanitation",
      labels: ["SUSTAINABLE-DEVELOPMENT-GOAL-06"],
    }));
    const latest = join(dir, "latest");
    const { io, out } = capture();
    trained.length = 0;
    heldOut.length = 0;
    const code = await runEvalAll({ trainer, devSet, sdgDevSet, vocab, latestDir: latest }, { out: dir, k: 3 }, io);
    expect(code).toBe(0);
    const table = out.join("\n").split("=== held-out checks")[1]!;
    for (const check of EVAL_CHECKS) {
      const file = JSON.parse(
        await readFile(join(dir, "checks", check.name, "metrics.json"), "utf8"),
      ) as EvalReportFile;
      expect(file.meta.mode).toBe("held-out");
      expect(file.meta.labelSpace).toBe(check.space);
      expect(file.summary.n).toBeGreaterThanOrEqual(20);
      expect(table).toContain(check.name);
    }
    expect(table).toMatch(/per language P@1/);
    // One classifier, trained on both development sets, scores every check that has no training set
    // of its own; a set drawn from the SDG neighbour pool gets its own, which leaves it out.
    const devIds = [...devSet, ...sdgDevSet].map((e) => e.id).sort();
    const inPool = EVAL_CHECKS.filter((c) => c.inPool).length;
    expect(inPool).toBe(1);
    expect(trained.filter((ids) => [...ids].sort().join() === devIds.join())).toHaveLength(1 + inPool);
    expect(heldOut).toContain(1417); // the survey abstracts, out of the neighbour pool
    expect((await readLatestChecks(latest)).map((c) => c.name).sort()).toEqual(EVAL_CHECKS.map((c) => c.name).sort());
    expect((await readLatestEval(latest, "gbf"))?.metrics.meta.mode).toBe("cross-validation");
    expect((await readLatestEval(latest, "sdg"))?.metrics.meta.dataset).toBe("corpora/sdg-dev/oro-gold.jsonl");
  });
});
