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
  const byTime = <T extends { createdAt: string }>(rows: T[]) =>
    rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    async add(rec) {
      await writer.run(() => guard("add feedback", () => tables.feedback.add([feedbackToRow(rec)])));
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
