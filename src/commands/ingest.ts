import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import type { Services } from "../app.ts";
import { createWorker, type WorkerProgress } from "../ingest/index.ts";
import type { JobRecord } from "../store/types.ts";
import { startIngestBars } from "./ingest-progress.ts";
import { formatTable, type CommandIo } from "./io.ts";

export interface IngestArgs {
  /** Files or folders (walked recursively; dot-files skipped). */
  paths: string[];
}

interface FileResult {
  file: string;
  job?: JobRecord;
  /** Set when the file never became a job (unreadable, too large). */
  error?: { code: string; message: string };
  /** The store already held these exact bytes: nothing was extracted or embedded again. */
  unchanged?: boolean;
}

/**
 * Files a folder walk leaves out because they describe the folder rather than being documents
 * (corpora/samples has both). A file named on the command line is always ingested.
 */
const FOLDER_NOTES = /^(readme(\.(md|txt))?|manifest\.json)$/i;

type IngestServices = Pick<Services, "config" | "store" | "embedder" | "classifier" | "logger" | "queue">;

/**
 * `chm-lens ingest <paths...>`: enqueues every file, then processes the queue in this process with
 * live progress bars, and prints one line per file. Exit code 1 when any file failed.
 */
export async function runIngest(services: IngestServices, args: IngestArgs, io: CommandIo): Promise<number> {
  const { config, queue } = services;
  const { files, notes } = await collectFiles(args.paths, io);
  if (notes.length > 0) {
    const names = notes.map((f) => relative(process.cwd(), f) || f).join(", ");
    io.err(`Skipped ${notes.length} files that describe the folder, not documents: ${names}`);
  }
  if (files.length === 0) {
    io.err("No files to ingest.");
    return 1;
  }
  const maxBytes = config.MAX_UPLOAD_MB * 1024 * 1024;
  const results: FileResult[] = [];
  for (const file of files) {
    const size = (await stat(file)).size;
    if (size > maxBytes) {
      results.push({
        file,
        error: { code: "too_large", message: `${size} bytes is over MAX_UPLOAD_MB (${config.MAX_UPLOAD_MB})` },
      });
      continue;
    }
    const bytes = new Uint8Array(await readFile(file));
    const job = await queue.enqueue({ bytes, meta: { filename: basename(file) }, documentKey: resolve(file) });
    results.push({ file, job });
  }

  const bars = startIngestBars(io.tty, results.filter((r) => r.job).length);
  const worker = createWorker({
    queue,
    store: services.store,
    embedder: services.embedder,
    ...(services.classifier ? { classifier: services.classifier } : {}),
    config,
    logger: services.logger,
    onProgress: (p: WorkerProgress) => bars.progress(p),
  });
  const pending = new Map(results.filter((r) => r.job).map((r) => [r.job!.id, r]));
  while (pending.size > 0) {
    const outcome = await worker.runOnce();
    if (outcome) {
      const mine = pending.get(outcome.job.id);
      if (mine && (outcome.job.state === "done" || outcome.job.state === "failed")) {
        pending.delete(outcome.job.id);
        if (outcome.result?.skipped) mine.unchanged = true;
        bars.documentDone(basename(mine.file));
      }
      continue;
    }
    // Nothing due: our remaining jobs are backing off or being run by another process.
    for (const [id, r] of pending) {
      const job = await queue.get(id);
      if (job?.state === "done" || job?.state === "failed") {
        pending.delete(id);
        bars.documentDone(basename(r.file));
      }
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, config.JOB_POLL_MS));
  }
  bars.stop();

  for (const r of results) if (r.job) r.job = (await queue.get(r.job.id)) ?? r.job;
  io.out(summaryTable(results, await docStats(services, results)));
  const failed = results.filter((r) => r.error || r.job?.state === "failed").length;
  const unchanged = results.filter((r) => r.unchanged && r.job?.state === "done").length;
  const fresh = results.length - failed - unchanged;
  // Unchanged files were not processed, so the throughput counts only the new ones.
  const work = fresh > 0 ? ` ${bars.throughput()}` : "";
  const same = unchanged > 0 ? `, ${unchanged} unchanged (already stored)` : "";
  io.out(`\n${fresh} ok${same}, ${failed} failed.${work}`);
  return failed > 0 ? 1 : 0;
}

async function collectFiles(paths: string[], io: CommandIo): Promise<{ files: string[]; notes: string[] }> {
  const found = { files: [] as string[], notes: [] as string[] };
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info) io.err(`Not found: ${p}`);
    else if (info.isDirectory()) await walk(p, found);
    else if (info.isFile()) found.files.push(p);
  }
  return found;
}

async function walk(dir: string, found: { files: string[]; notes: string[] }): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, found);
    else if (e.isFile()) (FOLDER_NOTES.test(e.name) ? found.notes : found.files).push(p);
  }
}

async function docStats(services: IngestServices, results: FileResult[]) {
  const ids = results.map((r) => r.job?.documentId).filter((id): id is string => !!id);
  const docs = ids.length ? await services.store.documents.getMany(ids) : [];
  return new Map(docs.map((d) => [d.id, d]));
}

function summaryTable(
  results: FileResult[],
  docs: Map<string, { pageCount: number; chunkCount: number; language: string }>,
) {
  const rows = results.map((r) => {
    const file = relative(process.cwd(), r.file) || r.file;
    if (r.error) return [file, "failed", "", "", "", `${r.error.code}: ${r.error.message}`];
    const job = r.job!;
    if (job.state !== "done")
      return [file, job.state, "", "", "", job.errorCode ? `${job.errorCode}: ${job.errorMessage ?? ""}` : ""];
    const doc = docs.get(job.documentId ?? "");
    return [
      file,
      r.unchanged ? "unchanged" : "ok",
      String(doc?.pageCount ?? ""),
      String(doc?.chunkCount ?? ""),
      doc?.language ?? "",
      "",
    ];
  });
  return formatTable(["file", "status", "pages", "chunks", "lang", "error"], rows);
}
