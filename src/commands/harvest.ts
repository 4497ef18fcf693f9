import type { Services } from "../app.ts";
import { AppError } from "../errors.ts";
import {
  biolandRecords,
  chmRecords,
  createHttpClient,
  harvestRecords,
  type RecordOutcome,
  type RecordSource,
} from "../harvest/index.ts";
import { startHarvestBars } from "./harvest-progress.ts";
import { formatTable, type CommandIo } from "./io.ts";

export interface HarvestArgs {
  system: "chm" | "bioland";
  /** CHM: the API base (default CHM_API_URL); Bioland: the site with its locale (required). */
  url?: string;
  schemas?: string[];
  country?: string;
  since?: string;
  limit?: number;
}

type HarvestServices = Pick<Services, "config" | "store" | "vocab" | "queue" | "worker">;

/** Schemas harvested when `--schema` is not given: the CHM record types that carry documents. */
export const DEFAULT_CHM_SCHEMAS = ["resource", "caseStudy", "nbsap", "nationalTarget7", "nationalReport7"];

/**
 * `chm-lens harvest chm|bioland`: reads the source page by page, enqueues new and changed records
 * while this process's worker ingests them, then prints new / updated / unchanged / failed with
 * reasons. Exit 0 when every record was processed (failures are listed); an unreachable source or
 * bad arguments throw (the CLI exits non-zero).
 */
export async function runHarvest(services: HarvestServices, args: HarvestArgs, io: CommandIo): Promise<number> {
  const { config, queue, worker } = services;
  const source = sourceFor(services, checkArgs(args));
  const bars = startHarvestBars(io.tty);
  const pending = new Set<string>();
  let harvesting = true;
  const settle = (jobId: string) => {
    if (pending.delete(jobId)) bars.documentDone();
  };
  // The worker ingests while the harvester reads on: downloads and embedding overlap.
  const draining = (async () => {
    while (harvesting || pending.size > 0) {
      const outcome = await worker.runOnce();
      if (outcome) {
        if (outcome.job.state === "done" || outcome.job.state === "failed") settle(outcome.job.id);
        continue;
      }
      for (const id of [...pending]) {
        const job = await queue.get(id);
        if (job?.state === "done" || job?.state === "failed") settle(id);
      }
      await new Promise((r) => setTimeout(r, config.JOB_POLL_MS));
    }
  })();
  let outcomes: RecordOutcome[];
  try {
    outcomes = await harvestRecords({ ...services, http: httpFor(services) }, source, {
      concurrency: config.HARVEST_CONCURRENCY,
      onRecord: (o) => {
        if (o.jobId) pending.add(o.jobId);
        bars.record(o);
      },
    });
  } catch (e) {
    // Fatal (the listing failed): stop after what was already enqueued, then report the error.
    pending.clear();
    harvesting = false;
    await draining;
    bars.stop();
    throw e;
  }
  harvesting = false;
  await draining;
  bars.stop();
  for (const o of outcomes) await settleOutcome(services, o);
  io.out(summary(outcomes));
  return 0;
}

function checkArgs(args: HarvestArgs): HarvestArgs {
  if (args.country !== undefined && !/^[a-z]{2}$/.test(args.country))
    throw new AppError(
      "bad_request",
      `--country must be an ISO 3166 alpha-2 code in lower case, got "${args.country}"`,
    );
  if (args.since !== undefined && Number.isNaN(Date.parse(args.since)))
    throw new AppError("bad_request", `--since must be an ISO date or time, got "${args.since}"`);
  if (args.url !== undefined && !URL.canParse(args.url))
    throw new AppError("bad_request", `--url must be an absolute URL, got "${args.url}"`);
  if (args.system === "bioland" && !args.url)
    throw new AppError("bad_request", "harvest bioland needs --url (the site with its locale, e.g. https://…/en)");
  return args;
}

function httpFor({ config }: HarvestServices) {
  return createHttpClient({
    userAgent: config.HARVEST_USER_AGENT,
    timeoutMs: config.HARVEST_TIMEOUT_MS,
    retries: config.HARVEST_RETRIES,
    backoffMs: config.HARVEST_BACKOFF_MS,
    concurrency: config.HARVEST_CONCURRENCY,
    ratePerSecond: config.HARVEST_RATE_PER_SECOND,
  });
}

function sourceFor(services: HarvestServices, args: HarvestArgs): RecordSource {
  const { config } = services;
  const common = {
    pageSize: config.HARVEST_PAGE_SIZE,
    maxAttachments: config.HARVEST_MAX_ATTACHMENTS,
    ...(args.limit !== undefined ? { limit: args.limit } : {}),
    ...(args.country ? { country: args.country } : {}),
  };
  if (args.system === "bioland") return biolandRecords(httpFor(services), { ...common, siteUrl: args.url! });
  return chmRecords(httpFor(services), {
    ...common,
    baseUrl: args.url ?? config.CHM_API_URL,
    schemas: args.schemas?.length ? args.schemas : DEFAULT_CHM_SCHEMAS,
    ...(args.since ? { since: args.since } : {}),
  });
}

/** A record whose job failed in the worker is a failed record, with the job's reason. */
async function settleOutcome(services: HarvestServices, o: RecordOutcome): Promise<void> {
  if (!o.jobId) return;
  const job = await services.queue.get(o.jobId);
  if (job?.state === "failed") {
    o.status = "failed";
    o.reason = `${job.errorCode ?? "failed"}: ${job.errorMessage ?? ""}`.trim();
  }
}

function summary(outcomes: RecordOutcome[]): string {
  const count = (s: RecordOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
  const rows = outcomes
    .filter((o) => o.status !== "unchanged" || o.attachmentFailures.length > 0)
    .map((o) => [
      o.recordId,
      o.status,
      o.title.length > 50 ? `${o.title.slice(0, 49)}…` : o.title,
      [o.reason, ...o.attachmentFailures.map((f) => `attachment ${f.name}: ${f.reason}`)].filter(Boolean).join("; "),
    ]);
  const table = rows.length ? `${formatTable(["record", "status", "title", "problems"], rows)}\n\n` : "";
  return (
    `${table}${outcomes.length} records: ${count("new")} new, ${count("updated")} updated, ` +
    `${count("unchanged")} unchanged, ${count("failed")} failed.`
  );
}
