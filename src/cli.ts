/**
 * The chm-lens command line: `npm run cli -- <command>`. This file only wires commander to the
 * command functions in `src/commands/` and exits with their code.
 */
import { Command, InvalidArgumentError } from "commander";
import { createServices, type Services } from "./app.ts";
import { createClassifierTrainer, loadDevSet } from "./classify/index.ts";
import { runClassify } from "./commands/classify.ts";
import { runDoctor } from "./commands/doctor.ts";
import { runEval } from "./commands/eval.ts";
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
  .option("--in <file>", 'JSON Lines input: {"id", "text", "language"?} per line')
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

program
  .command("eval")
  .description("measure the classifier: grouped 5-fold cross-validation on the dev set, or a labelled dataset")
  .option("--dataset <file>", 'JSON Lines: {"id", "text", "labels": [...], "language"?} per line')
  .option("--out <dir>", "where metrics.json and report.html go", "eval-output")
  .option("--folds <k>", "cross-validation folds", positiveInt, 5)
  .option("--space <space>", "gbf (goals and targets) or gbf-targets", "gbf")
  .action(async (opts: { dataset?: string; out: string; folds: number; space: string }) => {
    if (opts.space !== "gbf" && opts.space !== "gbf-targets")
      throw new InvalidArgumentError("--space must be gbf or gbf-targets");
    const space = opts.space;
    // The eval needs the embedder and vocabularies, not the document store.
    const config = loadConfig(process.env);
    const [vocab, embedder] = await Promise.all([loadVocabulary(), createEmbedder(embedderOptionsFromConfig(config))]);
    try {
      const devSet = await loadDevSet(DEFAULT_CORPORA_DIR, { vocab });
      const trainer = createClassifierTrainer({ embedder, vocab });
      exitCode = await runEval(
        { trainer, devSet, vocab, latestDir: config.EVAL_DIR, devSetName: "corpora/gbf-binary-questions.jsonl" },
        { out: opts.out, k: opts.folds, space, ...(opts.dataset ? { dataset: opts.dataset } : {}) },
        io,
      );
    } finally {
      await embedder.close?.();
    }
  });

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
