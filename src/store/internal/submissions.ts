import { createHash } from "node:crypto";
import type { Connection, Table } from "@lancedb/lancedb";
import { Field, Schema, Utf8 } from "apache-arrow";
import type { DocumentMeta, DocumentStore, SubmissionRecord } from "../types.ts";
import { nullable, optStr, str } from "./arrow-values.ts";
import type { Mutex } from "./mutex.ts";
import { sqlCode } from "./where.ts";
import { guard } from "./write.ts";

export const SUBMISSIONS_TABLE = "submissions";
const META_FIELDS = ["title", "filename", "country", "recordType", "declaredLanguage", "sourceUrl"] as const;
const text = (name: string, nullable = false) => new Field(name, new Utf8(), nullable);
const submissionSchema = new Schema([
  text("id"),
  text("documentId"),
  text("submittedBy", true),
  text("submittedAt"),
  ...META_FIELDS.map((f) => text(f, true)),
]);

/** Opens (or creates) the `submissions` table. */
export async function openSubmissionTable(db: Connection): Promise<Table> {
  return guard("open the submissions table", async () =>
    (await db.tableNames()).includes(SUBMISSIONS_TABLE)
      ? db.openTable(SUBMISSIONS_TABLE)
      : db.createEmptyTable(SUBMISSIONS_TABLE, submissionSchema, { mode: "create", existOk: true }),
  );
}

/** The submission a document's metadata stands for; its id hashes who and what, not when. */
export function submissionOf(documentId: string, meta: DocumentMeta, submittedAt: string): SubmissionRecord {
  const rec: SubmissionRecord = { id: "", documentId, submittedAt };
  if (meta.submittedBy !== undefined) rec.submittedBy = meta.submittedBy;
  for (const f of META_FIELDS) if (meta[f] !== undefined) rec[f] = meta[f];
  const identity = JSON.stringify([documentId, rec.submittedBy ?? null, ...META_FIELDS.map((f) => rec[f] ?? null)]);
  rec.id = `s-${createHash("sha256").update(identity).digest("hex").slice(0, 32)}`;
  return rec;
}

function toRow(s: SubmissionRecord): Record<string, unknown> {
  const row: Record<string, unknown> = {
    id: s.id,
    documentId: s.documentId,
    submittedBy: nullable(s.submittedBy),
    submittedAt: s.submittedAt,
  };
  for (const f of META_FIELDS) row[f] = nullable(s[f]);
  return row;
}

function fromRow(row: Record<string, unknown>): SubmissionRecord {
  const s: SubmissionRecord = {
    id: str(row, "id"),
    documentId: str(row, "documentId"),
    submittedAt: str(row, "submittedAt"),
  };
  const by = optStr(row, "submittedBy");
  if (by !== undefined) s.submittedBy = by;
  for (const f of META_FIELDS) {
    const v = optStr(row, f);
    if (v !== undefined) s[f] = v;
  }
  return s;
}

export interface Submissions extends Readonly<DocumentStore["submissions"]> {
  /** Removes every submission of a document (part of deleting it). */
  deleteFor(documentId: string): Promise<void>;
}

/**
 * Every submission of a document. Identical bytes from two submitters are one document with two
 * submissions, so neither submitter's title, country or record type is lost. Retried jobs
 * (at-least-once delivery) record the same submission id, which is stored once.
 */
export function createSubmissions(table: Table, writer: Mutex): Submissions {
  const forDoc = (documentId: string) => `documentId = ${sqlCode(documentId, "documentId")}`;
  const submissionsOf = async (documentId: string): Promise<SubmissionRecord[]> => {
    const rows = await guard("read submissions", () => table.query().where(forDoc(documentId)).toArray());
    return rows.map(fromRow).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));
  };
  return {
    async record(documentId, meta, submittedAt) {
      const rec = submissionOf(documentId, meta, submittedAt);
      await writer.run(() =>
        guard("record the submission", async () => {
          if ((await table.countRows(`id = ${sqlCode(rec.id, "submissionId")}`)) > 0) return;
          await table.add([toRow(rec)]);
        }),
      );
    },
    submissionsOf,
    async hasSubmitted(documentId, user) {
      // Compared in memory: `user` never reaches a where clause.
      return (await submissionsOf(documentId)).some((s) => s.submittedBy === user);
    },
    async bySubmitter(users) {
      // Compared in memory: submitter ids (names or HMACs) never reach a where clause.
      const wanted = new Set(users);
      const rows = await guard("read submissions", () => table.query().toArray());
      return rows
        .map(fromRow)
        .filter((s) => s.submittedBy !== undefined && wanted.has(s.submittedBy))
        .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || a.id.localeCompare(b.id));
    },
    async deleteFor(documentId) {
      await writer.run(() => guard("delete submissions", () => table.delete(forDoc(documentId))));
    },
  };
}
