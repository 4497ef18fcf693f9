import type { Services } from "../app.ts";
import { isAppError } from "../errors.ts";
import type { JobProgress, JobState } from "../store/types.ts";
import { formatTable, type CommandIo } from "./io.ts";

export interface JobsArgs {
  state?: string;
  limit?: number;
}

const STATES: JobState[] = ["queued", "running", "done", "failed"];

/** `chm-lens jobs [--state s]`: lists ingestion jobs, newest first. */
export async function runJobs(services: Pick<Services, "queue">, args: JobsArgs, io: CommandIo): Promise<number> {
  if (args.state !== undefined && !STATES.includes(args.state as JobState)) {
    io.err(`Unknown state "${args.state}": use one of ${STATES.join(", ")}.`);
    return 2;
  }
  try {
    const jobs = await services.queue.list({
      ...(args.state ? { state: args.state as JobState } : {}),
      limit: args.limit ?? 50,
    });
    if (jobs.length === 0) {
      io.out(args.state ? `No ${args.state} jobs.` : "No jobs.");
      return 0;
    }
    const rows = jobs.map((j) => [
      j.id.slice(0, 8),
      j.state,
      `${j.attempts}/${j.maxAttempts}`,
      j.meta.filename ?? j.documentKey ?? "",
      j.documentId ?? "",
      j.state === "running" && j.progress ? progressText(j.progress) : "",
      j.errorCode ? `${j.errorCode}: ${j.errorMessage ?? ""}` : "",
      j.updatedAt,
    ]);
    io.out(formatTable(["job", "state", "tries", "file", "document", "progress", "error", "updated"], rows));
    return 0;
  } catch (e) {
    io.err(isAppError(e) ? `${e.code}: ${e.message}` : String(e));
    return 1;
  }
}

/** "embedding 40/120 chunks, 12 pages": what a long job is doing, from its last lease renewal. */
function progressText(p: JobProgress): string {
  const chunks = p.stage === "embedding" ? `${p.embedded}/${p.chunks} chunks` : `${p.chunks} chunks`;
  return `${p.stage} ${chunks}, ${p.pages} pages`;
}
