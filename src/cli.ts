/**
 * The chm-lens command line: `npm run cli -- <command>`. This file only wires commander to the
 * command functions in `src/commands/` and exits with their code.
 */
import { Command, InvalidArgumentError } from "commander";
import { createServices, type Services } from "./app.ts";
import { runDoctor } from "./commands/doctor.ts";
import { runIngest } from "./commands/ingest.ts";
import type { CommandIo } from "./commands/io.ts";
import { runJobs } from "./commands/jobs.ts";
import { loadConfig } from "./config.ts";
import { isAppError } from "./errors.ts";
import { createLogger } from "./logger.ts";

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

// Commands of other stages register here, each as `run<Name>(services, args, io) → exit code`
// from `src/commands/<name>.ts`, wrapped in `withServices`:
//   classify  (src/commands/classify.ts)
//   eval      (src/commands/eval.ts)

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
