/**
 * The chm-lens command line: `npm run cli -- <command>`. This file only wires commander to the
 * command functions in `src/commands/` and exits with their code.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { classifierCacheDir, createServices, type Services } from "./app.ts";
import { createClassifierTrainer, loadDevSet } from "./classify/index.ts";
import { runClassify } from "./commands/classify.ts";
import { type CoverageArgs, runCoverage } from "./commands/coverage.ts";
import { runDoctor } from "./commands/doctor.ts";
import { runEval } from "./commands/eval.ts";
import { runEvalAll } from "./commands/eval-all.ts";
import { harvestedExamples } from "./commands/eval-source-tags.ts";
import { loadMatchRecords, runMatchEval } from "./commands/eval-matches.ts";
import { DEFAULT_CHM_SCHEMAS, runHarvest, type HarvestArgs } from "./commands/harvest.ts";
import { runIngest } from "./commands/ingest.ts";
import type { CommandIo } from "./commands/io.ts";
import { runJobs } from "./commands/jobs.ts";
import { loadConfig } from "./config.ts";
import { createEmbedder, embedderOptionsFromConfig } from "./embed/index.ts";
import { AppError, isAppError } from "./errors.ts";
import { createLogger } from "./logger.ts";
import { DEFAULT_CORPORA_DIR, loadVocabulary } from "./vocab/index.ts";

const io: CommandIo = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  ...(process.stderr.isTTY ? { tty: process.stderr } : {}),
};

/** Builds the services for one command, runs it, and always closes them. */
async function withServices(
  run: (services: Services) => Promise<number>,
  opts: { classifier?: null } = {},
): Promise<number> {
  const config = loadConfig(process.env);
  // Logs go to stderr and stay quiet unless LOG_LEVEL is set: the command prints its own results.
  const logger = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : "error", 2);
  const services = await createServices(config, { logger, ...opts });
  try {
    return await run(services);
  } finally {
    await services.close();
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive integer");
  return n;
}

let exitCode = 0;
const program = new Command("chm-lens")
  .description("Classify and search CBD Clearing-House documents against the GBF targets")
  .showHelpAfterError();

program
  .command("ingest")
  .description("extract, chunk, embed, classify and store files or folders (recursive)")
  .argument("<paths...>", "files or folders")
  .action(async (paths: string[]) => {
    exitCode = await withServices((s) => runIngest(s, { paths }, io));
  });

const harvest = program
  .command("harvest")
  .description("bring records of the CBD CHM or a Bioland site in, and keep them in sync");
const harvestWith = (system: "chm" | "bioland") => async (opts: Omit<HarvestArgs, "system"> & { schema?: string }) => {
  const { schema, ...rest } = opts;
  const schemas = schema
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  exitCode = await withServices((s) => runHarvest(s, { system, ...rest, ...(schemas ? { schemas } : {}) }, io));
};
harvest
  .command("chm")
  .description("page through the CHM index (CHM_API_URL), ingest new and changed records with their attachments")
  .option("--url <url>", "API base instead of CHM_API_URL")
  .option("--schema <a,b>", `record types (schema_s); default ${DEFAULT_CHM_SCHEMAS.join(",")}`)
  .option("--country <xx>", "ISO 3166 alpha-2 government, lower case")
  .option("--since <iso>", "only records updated since this date")
  .option("--limit <n>", "at most n records", positiveInt)
  .action(harvestWith("chm"));
harvest
  .command("bioland")
  .description("page through a Bioland national CHM site's JSON:API and ingest its content")
  .requiredOption("--url <url>", "the site with its locale, e.g. https://chm.example.org/en")
  .option("--country <xx>", "the site's country, ISO 3166 alpha-2 lower case")
  .option("--limit <n>", "at most n records", positiveInt)
  .action(harvestWith("bioland"));

const list = (v: string, prev: string[] = []) => [
  ...prev,
  ...v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
];

program
  .command("coverage")
  .description("GBF coverage per country with evidence (the matrix), or one country's per-target summary")
  .option("--country <xx>", "ISO 3166 alpha-2, lower case (repeatable)", list)
  .option("--target <id>", "GBF target or goal id (repeatable)", list)
  .option("--type <recordType>", "record type (repeatable)", list)
  .option("--by <axis>", "rows: country or target", "country")
  .option("--tag-source <source>", "accepted, suggested or source", "suggested")
  .option("--summary", "one country's evidence per GBF target (needs one --country)", false)
  .option("--format <format>", "csv, json, or html (summary only)", "csv")
  .action(async (opts: Omit<CoverageArgs, "by" | "tagSource" | "format"> & Record<string, unknown>) => {
    const pick = <T extends string>(name: string, value: unknown, allowed: readonly T[]): T => {
      if (!allowed.includes(value as T))
        throw new InvalidArgumentError(`--${name} must be one of ${allowed.join(", ")}`);
      return value as T;
    };
    const args: CoverageArgs = {
      ...opts,
      by: pick("by", opts.by, ["country", "target"]),
      tagSource: pick("tag-source", opts.tagSource, ["accepted", "suggested", "source"]),
      format: pick("format", opts.format, ["csv", "json", "html"]),
    };
    // Coverage reads stored tags: no classifier needed.
    exitCode = await withServices((s) => runCoverage(s, args, io), { classifier: null });
  });

program
  .command("jobs")
  .description("list ingestion jobs, newest first")
  .option("--state <state>", "queued | running | done | failed")
  .option("--limit <n>", "how many", positiveInt, 50)
  .action(async (opts: { state?: string; limit: number }) => {
    // Listing jobs needs no classifier: skip loading (or training) it.
    exitCode = await withServices((s) => runJobs(s, opts, io), { classifier: null });
  });

program
  .command("doctor")
  .description("show the embedding model, OCR languages, store and models this installation uses")
  .action(async () => {
    exitCode = await withServices((s) => runDoctor(s, {}, io), { classifier: null });
  });

program
  .command("classify")
  .description("suggest GBF targets, goals, subjects and SDGs for JSONL texts or one document")
  .argument("[file]", "a PDF, DOCX, HTML or text document")
  .option("--in <file>", 'JSON Lines input: {"id", "text"} per line')
  .option("--out <file>", "JSON Lines output (default: stdout)")
  .action(async (file: string | undefined, opts: { in?: string; out?: string }) => {
    exitCode = await withServices(async (s) => {
      if (!s.classifier)
        throw new AppError("model_unavailable", "The classifier could not be loaded; see the log above.");
      // The same use case as POST /v1/classify: chunked as ingestion chunks, evidence with pages.
      const fileDeps = { classifier: s.classifier, config: s.config, maxChars: s.embedder.maxChars };
      return runClassify({ classifier: s.classifier, fileDeps }, { ...opts, ...(file ? { file } : {}) }, io);
    });
  });

interface EvalOptions {
  dataset?: string;
  trainOn?: string;
  out: string;
  folds: number;
  space: string;
  sourceTags?: boolean;
}

program
  .command("eval")
  .description("measure the classifier: grouped 5-fold cross-validation on the dev set, or a labelled dataset")
  .option("--dataset <file>", 'JSON Lines: {"id", "text", "labels": [...], "language"?} per line')
  .option("--out <dir>", "where metrics.json and report.html go", "eval-output")
  .option("--folds <k>", "cross-validation folds", positiveInt, 5)
  .option("--train-on <file>", "with --dataset: train on this JSON Lines file instead of the dev set (cross-genre)")
  .option("--source-tags", "cross-validate on the harvested documents' own GBF tags in DATA_DIR (out of fold)")
  .option(
    "--space <space>",
    "all (gbf, sdg and subjects, the default), gbf (goals and targets), gbf-targets, sdg, subjects (CBD subjects), or matches (needs ↔ offers)",
    "all",
  )
  .action(async (opts: EvalOptions) => {
    if (opts.space === "matches") {
      exitCode = await evalMatches(opts.out);
      return;
    }
    const spaces = ["all", "gbf", "gbf-targets", "sdg", "subjects"] as const;
    const named = spaces.find((s) => s === opts.space);
    if (!named) throw new InvalidArgumentError("--space must be all, gbf, gbf-targets, sdg, subjects or matches");
    // A dataset, --train-on or --source-tags is one run: GBF unless a space is named.
    const space = named === "all" && (opts.dataset || opts.trainOn || opts.sourceTags) ? "gbf" : named;
    // The eval needs the embedder and vocabularies, not the document store.
    const config = loadConfig(process.env);
    const [vocab, embedder] = await Promise.all([loadVocabulary(), createEmbedder(embedderOptionsFromConfig(config))]);
    try {
      const devSet = await loadDevSet(DEFAULT_CORPORA_DIR, { vocab });
      const sdgDevSet =
        space === "sdg" || space === "all"
          ? await loadDevSet(DEFAULT_CORPORA_DIR, { vocab, file: `${DEFAULT_CORPORA_DIR}sdg-dev/oro-gold.jsonl` })
          : undefined;
      const trainer = createClassifierTrainer({ embedder, vocab });
      const sourceExamples = opts.sourceTags ? await harvestedExamples(config, embedder, vocab) : undefined;
      const deps = {
        trainer,
        devSet,
        ...(sdgDevSet ? { sdgDevSet } : {}),
        vocab,
        latestDir: config.EVAL_DIR,
        devSetName: opts.sourceTags ? "harvested documents (source tags)" : "corpora/gbf-binary-questions.jsonl",
        ...(sourceExamples ? { sourceExamples } : {}),
      };
      exitCode =
        space === "all"
          ? await runEvalAll(deps, { out: opts.out, k: opts.folds }, io)
          : await runEval(
              deps,
              {
                out: opts.out,
                k: opts.folds,
                space,
                ...(opts.dataset ? { dataset: opts.dataset } : {}),
                ...(opts.trainOn ? { trainOn: opts.trainOn } : {}),
                ...(opts.sourceTags ? { sourceTags: true } : {}),
              },
              io,
            );
    } finally {
      await embedder.close?.();
    }
  });

/** Matchmaking eval: the labelled needs and offers go through the real pipeline into a temporary store. */
async function evalMatches(out: string): Promise<number> {
  const config = loadConfig(process.env);
  const dir = await mkdtemp(join(tmpdir(), "chm-matches-"));
  const services = await createServices(
    {
      ...config,
      DATA_DIR: dir,
      INGEST_SAMPLES_ON_EMPTY: false,
      OCR_ENABLED: false,
      // Reuse the served classifier's trained state instead of training again.
      CLASSIFIER_CACHE_DIR: classifierCacheDir(config) ?? "",
    },
    { logger: createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL) },
  );
  try {
    return await runMatchEval(services, { records: await loadMatchRecords(), out }, io);
  } finally {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  }
}

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (isAppError(e)) {
    io.err(`${e.code}: ${e.message}`);
    exitCode = e.code === "config_invalid" ? 2 : 1;
  } else {
    io.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    exitCode = 1;
  }
}
// Native handles (LanceDB, tfjs) can keep the event loop alive after close.
process.exit(exitCode);
