import { AppError } from "../../errors.ts";
import type { DocumentStore, JobRecord, JobState } from "../types.ts";
import { jobToRow, rowToJob } from "./job-mappers.ts";
import type { Mutex } from "./mutex.ts";
import type { StoreTables } from "./tables.ts";
import { sqlCode, sqlString } from "./where.ts";
import { guard } from "./write.ts";

const STATES: readonly JobState[] = ["queued", "running", "done", "failed"];

/**
 * The ingestion job queue as a LanceDB table. `claim` is a read-then-write under the queue
 * writer, so two claims in one process never take the same job. Across processes it is
 * best-effort: two processes may both read the same due job before either commits.
 */
export function createJobs(tables: StoreTables, writer: Mutex): DocumentStore["jobs"] {
  const { jobs } = tables;
  const upsert = (job: JobRecord) =>
    jobs
      .mergeInsert("id")
      .whenMatchedUpdateAll()
      .whenNotMatchedInsertAll()
      .execute([jobToRow(job)]);
  const get = async (id: string): Promise<JobRecord | undefined> => {
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
      await writer.run(() => guard("create job", () => jobs.add([jobToRow(job)])));
    },
    get,
    async list(opts = {}) {
      let q = jobs.query().orderBy({ columnName: "createdAt", ascending: false });
      if (opts.state !== undefined) {
        if (!STATES.includes(opts.state)) throw new AppError("validation_failed", `Unknown job state ${opts.state}`);
        q = q.where(`state = ${sqlString(opts.state)}`);
      }
      if (opts.limit !== undefined) q = q.limit(Math.max(0, Math.floor(opts.limit)));
      return (await guard("list jobs", () => q.toArray())).map(rowToJob);
    },
    async claim(now, leaseMs) {
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
  };
}
