/**
 * The chm-lens command line: `npm run cli -- <command>`. This file only wires commander to the
 * command functions in `src/commands/` and exits with their code.
 */
import { Command, InvalidArgumentError } from "commander";
import { createServices, type Services } from "./app.ts";
import { chunkDocument, chunkOptionsFor, type ChunkableDocument } from "./chunk/index.ts";
import { createClassifierTrainer, loadDevSet } from "./classify/index.ts";
import { runClassify } from "./commands/classify.ts";
import { runDoctor } from "./commands/doctor.ts";
import { runEval } from "./commands/eval.ts";
import { runIngest } from "./commands/ingest.ts";
import type { CommandIo } from "./commands/io.ts";
import { runJobs } from "./commands/jobs.ts";
import { loadConfig } from "./config.ts";
import { createEmbedder, embedderOptionsFromConfig } from "./embed/index.ts";
import { AppError, isAppError } from "./errors.ts";
import { extractDocument, extractOptionsFromConfig } from "./extract/index.ts";
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
      const extract = (bytes: Uint8Array, filename: string) =>
        extractDocument(bytes, { ...extractOptionsFromConfig(s.config), filename });
      // Chunked as ingestion chunks, so evidence names its chunk and page.
      const chunk = (doc: ChunkableDocument) => chunkDocument(doc, chunkOptionsFor(s.embedder.maxChars, s.config));
      return runClassify({ classifier: s.classifier, extract, chunk }, { ...opts, ...(file ? { file } : {}) }, io);
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
