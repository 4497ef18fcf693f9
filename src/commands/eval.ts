import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Classifier, ClassifierTrainer, LabelledExample } from "../classify/types.ts";
import { AppError, toAppError } from "../errors.ts";
import {
  computeMetrics,
  crossValidate,
  formatSummary,
  gbfLabelSpace,
  parseDatasetJsonl,
  renderReport,
  writeEvalOutputs,
  writeLatestEval,
  type DatasetProblem,
  type EvalMeta,
  type EvalRecord,
  type EvalReportFile,
} from "../eval/index.ts";
import { DEFAULT_CORPORA_DIR } from "../vocab/index.ts";
import type { Vocabulary } from "../vocab/types.ts";
import { crossValidateSourceTags } from "./eval-source-tags.ts";
import type { CommandIo } from "./io.ts";

export { readLatestEval } from "../eval/index.ts";

export interface EvalDeps {
  trainer: ClassifierTrainer;
  /**
   * A classifier already trained on `devSet` plus `sdgDevSet`, nothing held out; reused for a
   * dataset none of whose ids it was trained on (the caller keeps datasets drawn from the SDG
   * neighbour pool, such as the survey abstracts, away from it).
   */
  classifier?: Classifier;
  devSet: LabelledExample[];
  /** Harvested documents labelled by their source's GBF tags, for `--source-tags`. */
  sourceExamples?: LabelledExample[];
  /** SDG-labelled texts: cross-validated for `--space sdg`, otherwise left to the trainer's default. */
  sdgDevSet?: LabelledExample[];
  vocab: Vocabulary;
  /** Where the API reads the last eval (`GET /v1/eval/latest`); the outputs are copied there. */
  latestDir?: string;
  /** Name printed for the dev set in reports. */
  devSetName?: string;
  now?: () => Date;
}

export interface EvalArgs {
  /** JSON Lines file of `{"id","text","labels":[...],"language"?}`; without it, cross-validate the dev set. */
  dataset?: string;
  /** Output folder (default `eval-output`). */
  out?: string;
  /** Cross-validation folds (default 5). */
  k?: number;
  seed?: number;
  /** Cross-validate on the harvested documents' source tags (out of fold) instead of the dev set. */
  sourceTags?: boolean;
  /**
   * Labels scored: `gbf` (goals and targets, the default) or `gbf-targets` (targets only, so goals
   * the classifier derives from a suggested target are neither right nor wrong), `sdg`, or
   * `subjects` (the CBD subjects; without `dataset`, the report passages labelled with them).
   */
  space?: "gbf" | "gbf-targets" | "sdg" | "subjects";
  /**
   * With `dataset`: JSON Lines file the classifier is trained on instead of the dev set (minus ids
   * shared with `dataset`), for cross-genre figures in both directions (train on report passages,
   * test on the questions).
   */
  trainOn?: string;
}

/**
 * The `eval` command. With `dataset`, classifies each of its texts with a classifier trained on
 * the whole dev set minus any example sharing an id with the dataset; otherwise runs grouped
 * k-fold cross-validation on the dev set. Prints a summary, writes `metrics.json` and
 * `report.html` into `out` (and `latestDir`), and returns the exit code: 0 when the eval ran
 * (bad dataset lines are skipped and reported on stderr), 1 when it could not run.
 *
 * @example const code = await runEval({ trainer, devSet, vocab, latestDir: config.EVAL_DIR }, { k: 5 }, { out: console.log, err: console.error });
 */
export async function runEval(deps: EvalDeps, input: EvalArgs, io: CommandIo): Promise<number> {
  // No development set carries subjects: their eval is the report passages labelled with them.
  const args =
    input.space === "subjects" && input.dataset === undefined ? { ...input, dataset: SUBJECT_DATASET } : input;
  try {
    const labelSpace =
      args.space === "gbf-targets"
        ? deps.vocab.terms("gbf-targets").map((t) => t.identifier)
        : args.space === "sdg"
          ? deps.vocab.terms("sdgs").map((t) => t.identifier)
          : args.space === "subjects"
            ? deps.vocab.terms("cbd-subjects").map((t) => t.identifier)
            : gbfLabelSpace(deps.vocab);
    const sdg = args.space === "sdg";
    if (args.trainOn !== undefined && args.dataset === undefined)
      throw new AppError("bad_request", "--train-on needs --dataset (the texts to test on).");
    if (sdg && !deps.sdgDevSet?.length && args.dataset === undefined)
      throw new AppError("bad_request", "--space sdg without --dataset needs the SDG development set.");
    let records: EvalRecord[];
    let skippedLines: DatasetProblem[] = [];
    let mode: EvalMeta["mode"];
    if (args.sourceTags) {
      records = await crossValidateSourceTags(deps, args, io);
      mode = "cross-validation";
    } else if (args.dataset !== undefined) {
      const parsed = await readDataset(deps, args.dataset);
      skippedLines = parsed.problems;
      for (const p of skippedLines) io.err(`skipped ${p.message}`);
      if (parsed.examples.length === 0) {
        io.err(`No usable examples in ${args.dataset}; nothing to evaluate.`);
        return 1;
      }
      const trainOn = args.trainOn !== undefined ? await readDataset(deps, args.trainOn) : undefined;
      for (const p of trainOn?.problems ?? []) io.err(`skipped in ${args.trainOn}: ${p.message}`);
      if (trainOn && trainOn.examples.length === 0)
        throw new AppError("bad_request", `No usable training examples in ${args.trainOn}.`);
      records = await classifyHeldOut(deps, parsed.examples, trainOn?.examples);
      mode = "held-out";
    } else {
      records = await crossValidate({
        trainer: deps.trainer,
        // SDGs: cross-validate the SDG texts; the GBF dev set trains every fold's GBF part.
        examples: sdg ? deps.sdgDevSet! : deps.devSet,
        ...(sdg ? { alwaysTrain: deps.devSet } : {}),
        k: args.k ?? 5,
        seed: args.seed,
        onFold: (fold, folds) => io.out(`fold ${fold}/${folds} scored`),
      });
      mode = "cross-validation";
    }

    // Goals follow from targets (the GBF's own grouping, which the classifier applies too): a text
    // labelled with a target is about that target's goal as well, so suggesting the goal is not an
    // error, and ranking it is not required. The same holds for a narrower subject's broader ones.
    const scored = records.map((r) => ({ ...r, implied: impliedLabels(deps.vocab, r.example.labels) }));
    const metrics = computeMetrics(scored, { labelSpace });
    const meta = { ...buildMeta(deps, args, records, mode, skippedLines, labelSpace), goldPolicy: GOLD_POLICY };
    const file: EvalReportFile = { schemaVersion: 1, meta, ...metrics };
    const html = renderReport(metrics, meta);
    const out = args.out ?? "eval-output";
    const written = await writeEvalOutputs(out, file, html);
    if (deps.latestDir) await writeLatestEval(deps.latestDir, args.space ?? "gbf", file, html);

    io.out(formatSummary(metrics, meta));
    io.out(`\nwrote ${written.metricsPath} and ${written.reportPath}`);
    if (skippedLines.length > 0)
      io.err(`${skippedLines.length} dataset line(s) skipped (listed above and in the report).`);
    return 0;
  } catch (err) {
    const e = toAppError(err);
    io.err(`eval failed (${e.code}): ${e.message}`);
    return 1;
  }
}

const GOLD_POLICY =
  "The GBF goal of a gold target (A ← T1–8, B ← T9–12, C ← T13, D ← T14–23) and the broader subjects of a gold CBD subject are implied: for that text they count neither as a hit nor as an error.";

/** The subject eval's default dataset: the report passages, labelled with GBF targets and CBD subjects. */
export const SUBJECT_DATASET = join(DEFAULT_CORPORA_DIR, "report-passages.jsonl");

/** The labels the gold ones imply: the goals of gold targets, the broader terms of gold subjects. */
export function impliedLabels(vocab: Vocabulary, labels: string[]): string[] {
  return [...new Set(labels.flatMap((id) => vocab.broaderOf(id)))];
}

async function readDataset(deps: EvalDeps, path: string) {
  const text = await readFile(path, "utf8").catch((cause) => {
    throw new AppError("bad_request", `Cannot read dataset ${path}: ${(cause as Error).message}`, { cause });
  });
  return parseDatasetJsonl(text, (id) => deps.vocab.has(id));
}

async function classifyHeldOut(
  deps: EvalDeps,
  examples: LabelledExample[],
  trainOn?: LabelledExample[],
): Promise<EvalRecord[]> {
  const ids = new Set(examples.map((e) => e.id));
  const all = trainOn ?? [...deps.devSet, ...(deps.sdgDevSet ?? [])];
  const train = all.filter((e) => !ids.has(e.id));
  const classifier =
    deps.classifier && !trainOn && train.length === all.length
      ? deps.classifier
      : await deps.trainer.train(train, { holdOut: ids });
  const records: EvalRecord[] = [];
  for (const example of examples) {
    records.push({ example, result: await classifier.classifyText(example.text) });
  }
  return records;
}

function buildMeta(
  deps: EvalDeps,
  args: EvalArgs,
  records: EvalRecord[],
  mode: EvalMeta["mode"],
  skippedLines: DatasetProblem[],
  labelSpace: string[],
): EvalMeta {
  const first = records[0]?.result;
  const perFold = new Map<number, Record<string, number>>();
  for (const r of records) if (r.fold !== undefined && !perFold.has(r.fold)) perFold.set(r.fold, r.result.thresholds);
  const thresholds =
    mode === "held-out"
      ? [{ scope: "all", values: first?.thresholds ?? {} }]
      : [...perFold.entries()]
          .sort(([a], [b]) => a - b)
          .map(([fold, values]) => ({ scope: `fold ${fold + 1}`, values }));
  const labelTitles = Object.fromEntries(
    labelSpace.map((id) => {
      const term = deps.vocab.get(id);
      return [id, term?.shortTitle.en ?? term?.title.en ?? id];
    }),
  );
  return {
    dataset:
      args.dataset !== undefined
        ? basename(args.dataset)
        : args.space === "sdg"
          ? "corpora/sdg-dev/oro-gold.jsonl"
          : (deps.devSetName ?? "development set"),
    mode,
    ...(args.trainOn !== undefined && args.dataset !== undefined ? { trainedOn: basename(args.trainOn) } : {}),
    labelSpace: args.space ?? "gbf",
    folds: mode === "cross-validation" ? perFold.size : undefined,
    createdAt: (deps.now?.() ?? new Date()).toISOString(),
    modelId: first?.modelId ?? "unknown",
    classifierVersion: first?.classifierVersion ?? "unknown",
    thresholds,
    labelTitles,
    skippedLines: skippedLines.length > 0 ? skippedLines : undefined,
  };
}
