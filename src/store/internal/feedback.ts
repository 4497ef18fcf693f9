import type { DocumentStore } from "../types.ts";
import { feedbackToRow, rowToFeedback } from "./job-mappers.ts";
import type { Mutex } from "./mutex.ts";
import type { StoreTables } from "./tables.ts";
import { sqlCode } from "./where.ts";
import { guard } from "./write.ts";

/** Reviewer feedback, append-only: corrections are new records, never edits. */
export interface Feedback extends Readonly<DocumentStore["feedback"]> {
  /** Removes a document's feedback (part of deleting it: re-uploaded bytes must start clean). */
  deleteFor(documentId: string): Promise<void>;
}

export function createFeedback(tables: StoreTables, writer: Mutex): Feedback {
  // One feedback per id: LanceDB's insert-only merge does not see rows a concurrent writer (another
  // process) is committing, so both copies of a deterministic id can land; they are one review.
  const byTime = <T extends { id: string; createdAt: string }>(rows: T[]) =>
    [...new Map(rows.map((r) => [r.id, r])).values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    async add(rec) {
      await writer.run(() => guard("add feedback", () => tables.feedback.add([feedbackToRow(rec)])));
    },
    async addMany(recs) {
      // Ids already stored (a retried review, another process's identical write) are skipped by the
      // merge itself, inside the one commit, not by a read that another writer could race.
      const rows = [...new Map(recs.map((r) => [r.id, feedbackToRow(r)])).values()];
      if (rows.length === 0) return 0;
      const result = await writer.run(() =>
        guard("add feedback", () => tables.feedback.mergeInsert("id").whenNotMatchedInsertAll().execute(rows)),
      );
      return result.numInsertedRows;
    },
    async forDocument(documentId) {
      const where = `documentId = ${sqlCode(documentId, "documentId")}`;
      return byTime(
        (await guard("read feedback", () => tables.feedback.query().where(where).toArray())).map(rowToFeedback),
      );
    },
    async deleteFor(documentId) {
      const where = `documentId = ${sqlCode(documentId, "documentId")}`;
      await writer.run(() => guard("delete feedback", () => tables.feedback.delete(where)));
    },
    async all() {
      return byTime((await guard("read feedback", () => tables.feedback.query().toArray())).map(rowToFeedback));
    },
  };
}
