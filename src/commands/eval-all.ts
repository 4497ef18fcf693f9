import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { type EvalReportFile, METRICS_FILE, REPORT_FILE, writeLatestCheck } from "../eval/index.ts";
import { DEFAULT_CORPORA_DIR } from "../vocab/index.ts";
import { type EvalArgs, type EvalDeps, runEval } from "./eval.ts";
import type { CommandIo } from "./io.ts";

type Space = NonNullable<EvalArgs["space"]>;

/** The spaces `npm run eval` scores, GBF last so that it stays the latest eval the API shows first. */
const ALL: Space[] = ["sdg", "subjects", "gbf"];

/** A labelled set the classifier is never trained on, scored by `npm run eval` after the spaces. */
export interface EvalCheck {
  name: string;
  space: Space;
  /** File name under the corpora folder. */
  dataset: string;
  /** Trained on this corpora file instead of the development sets (the reverse cross-genre direction). */
  trainOn?: string;
  /**
   * The set's texts are among the SDG model's neighbours (the survey abstracts): it gets a
   * classifier of its own that leaves them out, as `--dataset` does, not the shared one.
   */
  inPool?: boolean;
}

/** Every genre and language check in `corpora/` (README "Quality"), in the order the table lists them. */
export const EVAL_CHECKS: EvalCheck[] = [
  { name: "gbf-report-passages", space: "gbf-targets", dataset: "report-passages.jsonl" },
  { name: "gbf-titles", space: "gbf-targets", dataset: "gbf-title-check.jsonl" },
  { name: "gbf-multi-topic", space: "gbf-targets", dataset: "gbf-multi-topic-check.jsonl" },
  { name: "gbf-ar-ru-zh", space: "gbf-targets", dataset: "gbf-lang-check.jsonl" },
  {
    name: "gbf-passages-to-questions",
    space: "gbf-targets",
    dataset: "gbf-binary-questions.jsonl",
    trainOn: "report-passages.jsonl",
  },
  { name: "sdg-survey", space: "sdg", dataset: "sdg-dev/aurora-survey.jsonl", inPool: true },
  { name: "sdg-report-paragraphs", space: "sdg", dataset: "sdg-report-check.jsonl" },
  { name: "sdg-translated", space: "sdg", dataset: "sdg-report-check-translated.jsonl" },
  { name: "sdg-ar-ru-zh", space: "sdg", dataset: "sdg-lang-check.jsonl" },
  { name: "subject-check", space: "subjects", dataset: "subject-check.jsonl" },
];

const pct = (x: number | undefined) => (x === undefined ? "  —  " : `${(100 * x).toFixed(1)}%`.padStart(6));

const HEADER = ["n", "P@1", "R@3", "F1", "P", "R", "balanced"];

function row(name: string, file: EvalReportFile, withLanguages: boolean): string {
  const s = file.summary;
  const cells = [
    name.padEnd(34),
    String(s.n).padStart(5),
    pct(s.precisionAt1),
    pct(s.recallAt3),
    pct(s.microF1.suggest),
    pct(s.microPrecision.suggest),
    pct(s.microRecall.suggest),
    pct(s.balancedAccuracy?.suggest),
  ];
  if (withLanguages)
    cells.push(file.perLanguage.map((l) => `${l.language} ${(100 * l.precisionAt1).toFixed(0)}%`).join(" "));
  if (withLanguages && s.evidence) cells.push(`evidence in the right sentence ${pct(s.evidence.rate).trim()}`);
  return cells.join("  ");
}

const header = (first: string, extra = "") =>
  [first.padEnd(34), ...HEADER.map((h, i) => (i === 0 ? h.padStart(5) : h.padStart(6))), extra].join("  ").trimEnd();

/**
 * `npm run eval` with no `--space`: the GBF dev set and the SDG set (cross-validated) and the CBD
 * subjects (the labelled report passages), each written to `out/<space>/` and kept as the latest
 * eval of its space; then every held-out check (`EVAL_CHECKS`) into `out/checks/<name>/`, which
 * replaces no space's latest eval. One classifier trained on both development sets scores every
 * held-out set that has no training set of its own. The checks are also kept in the latest-eval
 * folder's `checks/` for `GET /v1/eval/checks`. Ends with the two tables. Returns 0 when all ran.
 */
export async function runEvalAll(
  deps: EvalDeps,
  args: Pick<EvalArgs, "out" | "k" | "seed">,
  io: CommandIo,
): Promise<number> {
  const out = args.out ?? "eval-output";
  const shared = { ...deps, classifier: await deps.trainer.train([...deps.devSet, ...(deps.sdgDevSet ?? [])]) };
  const spaces: string[] = [];
  const checks: string[] = [];
  let code = 0;
  const score = async (dir: string, runArgs: EvalArgs, runDeps: EvalDeps) => {
    const ran = await runEval(runDeps, { ...args, ...runArgs, out: dir }, io);
    if (ran !== 0) code = ran;
    return ran === 0 ? (JSON.parse(await readFile(join(dir, METRICS_FILE), "utf8")) as EvalReportFile) : undefined;
  };
  for (const space of ALL) {
    if (space === "sdg" && !deps.sdgDevSet?.length) {
      io.err("sdg: skipped, no SDG development set was loaded.");
      code = 1;
      continue;
    }
    io.out(`\n=== ${space} ===`);
    const file = await score(join(out, space), { space }, shared);
    if (file) spaces.push(row(`${space} · ${file.meta.dataset.replace(/^corpora\//, "")}`, file, false));
  }
  const { latestDir, ...noLatest } = shared;
  const { classifier: _, ...ownClassifier } = noLatest;
  // The API lists whatever checks the folder holds: start it afresh so a renamed check does not linger.
  if (latestDir) await rm(join(latestDir, "checks"), { recursive: true, force: true });
  for (const check of EVAL_CHECKS) {
    io.out(`\n=== check ${check.name} ===`);
    const file = await score(
      join(out, "checks", check.name),
      {
        space: check.space,
        dataset: join(DEFAULT_CORPORA_DIR, check.dataset),
        ...(check.trainOn ? { trainOn: join(DEFAULT_CORPORA_DIR, check.trainOn) } : {}),
      },
      check.inPool ? ownClassifier : noLatest,
    );
    if (!file) continue;
    checks.push(row(check.name, file, true));
    if (latestDir) {
      const html = await readFile(join(out, "checks", check.name, REPORT_FILE), "utf8");
      await writeLatestCheck(latestDir, check.name, file, html);
    }
  }
  io.out(
    [
      "",
      "=== all spaces (decision suggest) ===",
      header("space · dataset"),
      ...spaces,
      "",
      "=== held-out checks (never trained on; the README says which ones tuning saw; decision suggest) ===",
      header("check", "per language P@1"),
      ...checks,
      `reports: ${join(out, "<space>", "report.html")} and ${join(out, "checks", "<check>", "report.html")}`,
    ].join("\n"),
  );
  return code;
}
