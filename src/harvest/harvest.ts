import type { Config } from "../config.ts";
import { toAppError } from "../errors.ts";
import { extractDocument, extractOptionsFromConfig } from "../extract/index.ts";
import { documentIdFor, type JobQueue } from "../ingest/index.ts";
import type { DocumentStore } from "../store/types.ts";
import type { Vocabulary } from "../vocab/index.ts";
import type { HttpClient } from "./http.ts";
import { recordDocumentKey, recordMarkdown, recordMeta } from "./record-document.ts";
import { toSourceTags } from "./source-tags.ts";
import type { HarvestRecord, RecordOutcome, RecordSource, SourceItem } from "./types.ts";

export interface HarvestDeps {
  store: DocumentStore;
  queue: JobQueue;
  vocab: Vocabulary;
  http: HttpClient;
  /** Upload limits (MAX_UPLOAD_MB, MAX_PAGES, EXTRACT_TIMEOUT_MS, OCR) apply to attachments too. */
  config: Config;
}

export interface HarvestOptions {
  /** Records handled at once (HARVEST_CONCURRENCY); the HTTP client limits requests separately. */
  concurrency: number;
  /** Called as each record is enqueued, skipped or failed (progress bars). */
  onRecord?: (outcome: RecordOutcome) => void;
}

/**
 * Syncs records into the store through the ingestion queue. A record whose document already holds
 * its `updatedAt` is `unchanged` and costs no further request; a new or changed one is completed,
 * its attachments downloaded and read (a failing attachment is listed and left out), and one
 * Markdown document enqueued under the record's key, so a changed record replaces its document in
 * place. Per-record failures are outcomes; a failing listing (the index) throws.
 */
export async function harvestRecords(
  deps: HarvestDeps,
  source: RecordSource,
  opts: HarvestOptions,
): Promise<RecordOutcome[]> {
  const outcomes: RecordOutcome[] = [];
  const iterator = source[Symbol.asyncIterator]();
  const lane = async () => {
    for (;;) {
      // Async generators queue concurrent next() calls, so lanes share one paging cursor.
      const next = await iterator.next();
      if (next.done) return;
      const outcome = await harvestOne(deps, next.value);
      outcomes.push(outcome);
      opts.onRecord?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, lane));
  return outcomes;
}

async function harvestOne(deps: HarvestDeps, item: SourceItem): Promise<RecordOutcome> {
  const key = recordDocumentKey(item.record);
  const documentId = documentIdFor("", key);
  const base = { recordId: item.record.recordId, title: item.record.title, documentId, attachmentFailures: [] };
  try {
    const existing = await deps.store.documents.get(documentId);
    if (existing?.source?.updatedAt === item.record.updatedAt) return { ...base, status: "unchanged" };
    const record = item.complete ? await item.complete() : item.record;
    const outcome: RecordOutcome = { ...base, title: record.title, status: existing ? "updated" : "new" };
    const attachments = await readAttachments(deps, record, outcome);
    const { tags } = toSourceTags(record.tagKeys, deps.vocab);
    const bytes = new TextEncoder().encode(recordMarkdown(record, attachments));
    const job = await deps.queue.enqueue({ bytes, meta: recordMeta(record, tags), documentKey: key });
    return { ...outcome, jobId: job.id };
  } catch (e) {
    const err = toAppError(e);
    return { ...base, status: "failed", reason: `${err.code}: ${err.message}` };
  }
}

async function readAttachments(
  deps: HarvestDeps,
  record: HarvestRecord,
  outcome: RecordOutcome,
): Promise<{ name: string; text: string }[]> {
  const out: { name: string; text: string }[] = [];
  const maxBytes = deps.config.MAX_UPLOAD_MB * 1024 * 1024;
  for (const a of record.attachments) {
    try {
      const { bytes } = await deps.http.bytes(a.url, maxBytes);
      const extracted = await extractDocument(bytes, { ...extractOptionsFromConfig(deps.config), filename: a.name });
      out.push({ name: a.name, text: extracted.text });
    } catch (e) {
      const err = toAppError(e);
      outcome.attachmentFailures.push({ name: a.name, reason: `${err.code}: ${err.message}` });
    }
  }
  return out;
}
