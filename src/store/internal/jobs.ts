import { AppError } from "../../errors.ts";
import type { DocumentStore, JobRecord, JobState } from "../types.ts";
import { jobToRow, rowToJob } from "./job-mappers.ts";
import { jobSchema } from "./schemas.ts";
import type { Mutex } from "./mutex.ts";
import type { StoreTables } from "./tables.ts";
import { sqlCode, sqlString } from "./where.ts";
import { guard } from "./write.ts";

const STATES: readonly JobState[] = ["queued", "running", "done", "failed"];

/** Columns added after the first release: a store written before them gains them on first use. */
const LATER_COLUMNS = ["leaseOwner", "progressJson"];

/**
 * The ingestion job queue as a LanceDB table. `claim` is a read-then-write under the queue
 * writer, so two claims in one process never take the same job. Across processes it is not
 * atomic: the embedded queue (src/ingest) holds a DATA_DIR lock so only one process claims, and
 * `transition` commits only while the caller still holds the job's lease.
 */
export function createJobs(tables: StoreTables, writer: Mutex): DocumentStore["jobs"] {
  const { jobs } = tables;
  let migrated: Promise<void> | undefined;
  const ready = () => (migrated ??= addLaterColumns(tables.jobs));
  const upsert = (job: JobRecord) =>
    jobs
      .mergeInsert("id")
      .whenMatchedUpdateAll()
      .whenNotMatchedInsertAll()
      .execute([jobToRow(job)]);
  const get = async (id: string): Promise<JobRecord | undefined> => {
    await ready();
    const rows = await guard("read job", () =>
      jobs
        .query()
        .where(`id = ${sqlCode(id, "jobId")}`)
        .limit(1)
        .toArray(),
    );
    return rows[0] ? rowToJob(rows[0]) : undefined;
  };

  return {
    async create(job) {
      sqlCode(job.id, "jobId");
      await ready();
      await writer.run(() => guard("create job", () => jobs.add([jobToRow(job)])));
    },
    get,
    async list(opts = {}) {
      await ready();
      let q = jobs.query().orderBy({ columnName: "createdAt", ascending: false });
      if (opts.state !== undefined) {
        if (!STATES.includes(opts.state)) throw new AppError("validation_failed", `Unknown job state ${opts.state}`);
        q = q.where(`state = ${sqlString(opts.state)}`);
      }
      if (opts.limit !== undefined) q = q.limit(Math.max(0, Math.floor(opts.limit)));
      return (await guard("list jobs", () => q.toArray())).map(rowToJob);
    },
    async claim(now, leaseMs, owner) {
      await ready();
      const at = sqlString(now.toISOString());
      const due = `(state = 'queued' AND notBefore <= ${at}) OR (state = 'running' AND leaseUntil < ${at})`;
      return writer.run(() =>
        guard("claim a job", async () => {
          const rows = await jobs
            .query()
            .where(due)
            .orderBy([
              { columnName: "notBefore", ascending: true },
              { columnName: "createdAt", ascending: true },
            ])
            .limit(1)
            .toArray();
          if (!rows[0]) return undefined;
          const job: JobRecord = {
            ...rowToJob(rows[0]),
            state: "running",
            attempts: rowToJob(rows[0]).attempts + 1,
            leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
            leaseOwner: owner,
            progress: undefined,
            updatedAt: now.toISOString(),
          };
          await upsert(job);
          return job;
        }),
      );
    },
    async update(id, patch) {
      await writer.run(async () => {
        const job = await get(id);
        if (!job) throw new AppError("not_found", `Job ${id} not found`);
        // A patch key set to undefined clears that optional field.
        const next: JobRecord = {
          ...job,
          ...patch,
          id: job.id,
          updatedAt: patch.updatedAt ?? new Date().toISOString(),
        };
        await guard("update job", () => upsert(next));
      });
    },
    async transition(id, owner, patch) {
      const current = await get(id);
      if (!current) throw new AppError("not_found", `Job ${id} not found`);
      const next: JobRecord = { ...current, ...patch, id, updatedAt: patch.updatedAt ?? new Date().toISOString() };
      // The lease check is part of the commit itself (a conditional merge), not a separate read.
      const held = `target.state = 'running' AND target.leaseOwner = ${sqlString(owner)}`;
      const result = await writer.run(() =>
        guard("update job", () =>
          jobs
            .mergeInsert("id")
            .whenMatchedUpdateAll({ where: held })
            .execute([jobToRow(next)]),
        ),
      );
      return result.numUpdatedRows > 0;
    },
  };
}

async function addLaterColumns(table: StoreTables["jobs"]): Promise<void> {
  const have = new Set((await guard("read the jobs schema", () => table.schema())).fields.map((f) => f.name));
  const missing = jobSchema.fields.filter((f) => LATER_COLUMNS.includes(f.name) && !have.has(f.name));
  if (missing.length === 0) return;
  // Another process may add them at the same moment: check again after a failure.
  await table.addColumns(missing).catch(async (e: unknown) => {
    const now = new Set((await table.schema()).fields.map((f) => f.name));
    if (missing.some((f) => !now.has(f.name))) throw e;
  });
}
