// Puts documents in through the API the way a client does: a multipart POST to /v1/documents with
// the secretariat's bearer key, then polling /v1/jobs/:id until the worker has stored the document.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { expect } from "vitest";

/** Form fields sent beside the file (`title`, `country`, `recordType`, ...). */
export type UploadFields = Record<string, string>;

export interface WaitOptions {
  pollMs?: number;
  /** Gives up after this many polls; by default only the calling hook's timeout ends the wait. */
  maxPolls?: number;
}

/** POSTs `file` and expects 202; returns the job id without waiting for it. */
export async function uploadFile(
  baseUrl: string,
  apiKey: string,
  file: File,
  fields: UploadFields = {},
): Promise<string> {
  const form = new FormData();
  form.set("file", file);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const res = await fetch(`${baseUrl}/v1/documents`, {
    method: "POST",
    body: form,
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  expect(res.status, await res.clone().text()).toBe(202);
  return ((await res.json()) as { jobId: string }).jobId;
}

/** Polls the job until it is done and returns the stored document's id; a failed job throws. */
export async function waitForJob(baseUrl: string, jobId: string, opts: WaitOptions = {}): Promise<string> {
  const { pollMs = 200, maxPolls = Number.POSITIVE_INFINITY } = opts;
  for (let i = 0; i < maxPolls; i++) {
    const job = (await (await fetch(`${baseUrl}/v1/jobs/${jobId}`)).json()) as { state: string; documentId: string };
    if (job.state === "done") return job.documentId;
    if (job.state === "failed") throw new Error(`job ${jobId} failed: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`job ${jobId} did not finish`);
}

/**
 * Uploads a file from disk and waits until it is stored; returns the document id.
 * @example
 * const id = await ingestFile(server.baseUrl, API_KEY, "corpora/samples/report.pdf", "application/pdf");
 */
export async function ingestFile(
  baseUrl: string,
  apiKey: string,
  path: string,
  mediaType: string,
  fields: UploadFields = {},
): Promise<string> {
  const file = new File([readFileSync(path)], basename(path), { type: mediaType });
  return waitForJob(baseUrl, await uploadFile(baseUrl, apiKey, file, fields));
}
