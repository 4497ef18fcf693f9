import type { DocumentMeta, FeedbackRecord, JobProgress, JobRecord, JobState } from "../types.ts";
import { nullable, num, optStr, str } from "./arrow-values.ts";

type Row = Record<string, unknown>;

export function jobToRow(job: JobRecord): Row {
  return {
    id: job.id,
    state: job.state,
    blobKey: job.blobKey,
    metaJson: JSON.stringify(job.meta ?? {}),
    documentKey: nullable(job.documentKey),
    documentId: nullable(job.documentId),
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    notBefore: job.notBefore,
    errorCode: nullable(job.errorCode),
    errorMessage: nullable(job.errorMessage),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    leaseUntil: nullable(job.leaseUntil),
    leaseOwner: nullable(job.leaseOwner),
    progressJson: job.progress ? JSON.stringify(job.progress) : null,
  };
}

export function rowToJob(row: Row): JobRecord {
  const job: JobRecord = {
    id: str(row, "id"),
    state: str(row, "state") as JobState,
    blobKey: str(row, "blobKey"),
    meta: JSON.parse(str(row, "metaJson") || "{}") as DocumentMeta,
    attempts: num(row, "attempts"),
    maxAttempts: num(row, "maxAttempts"),
    notBefore: str(row, "notBefore"),
    createdAt: str(row, "createdAt"),
    updatedAt: str(row, "updatedAt"),
  };
  for (const key of ["documentKey", "documentId", "errorCode", "errorMessage", "leaseUntil", "leaseOwner"] as const) {
    const v = optStr(row, key);
    if (v !== undefined) job[key] = v;
  }
  const progress = optStr(row, "progressJson");
  if (progress) job.progress = JSON.parse(progress) as JobProgress;
  return job;
}

export function feedbackToRow(rec: FeedbackRecord): Row {
  return { ...rec };
}

export function rowToFeedback(row: Row): FeedbackRecord {
  return {
    id: str(row, "id"),
    documentId: str(row, "documentId"),
    labelId: str(row, "labelId"),
    action: str(row, "action") as FeedbackRecord["action"],
    user: str(row, "user"),
    modelId: str(row, "modelId"),
    classifierVersion: str(row, "classifierVersion"),
    createdAt: str(row, "createdAt"),
  };
}
