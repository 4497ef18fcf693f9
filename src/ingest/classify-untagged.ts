import { readyClassifier } from "../classify/index.ts";
import type { Classifier } from "../classify/types.ts";
import type { DocumentStore } from "../store/types.ts";
import type { Vocabulary } from "../vocab/types.ts";
import { loadAutoAccept, publishedTags } from "./auto-accept.ts";
import { classifyInput } from "./pipeline.ts";
import { withDocumentLock } from "./review-tags.ts";

export interface ClassifyUntaggedDeps {
  store: DocumentStore;
  /** Used only when ready (`readyClassifier`); a pass while it loads or after it failed does nothing. */
  classifier: Classifier | undefined;
  vocab: Vocabulary;
  logger?: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
  /** Stops the pass between documents (shutdown). */
  signal?: AbortSignal;
}

export interface ClassifyUntaggedResult {
  /** Documents classified by this pass. */
  classified: number;
  /** Documents whose classification failed (left untagged for the next pass). */
  failed: number;
}

const PAGE = 100;

/**
 * Classifies the documents stored untagged while the classifier was loading or failed (no stored
 * classification, at least one chunk), from their stored chunks and vectors. Reviewers' feedback
 * given meanwhile is replayed on top, so their decisions stand. Idempotent: a document that has a
 * classification is skipped, so running it twice (or concurrently with a review) changes nothing.
 * Evidence cites each chunk's first page (the page offsets of the original text are not stored).
 *
 * @example
 * deferred.loaded.then(() => classifyUntagged({ store, classifier: deferred, vocab, logger }));
 */
export async function classifyUntagged(deps: ClassifyUntaggedDeps): Promise<ClassifyUntaggedResult> {
  const { store, vocab, logger } = deps;
  const classifier = readyClassifier(deps.classifier);
  const out: ClassifyUntaggedResult = { classified: 0, failed: 0 };
  if (!classifier) return out;
  const pending: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const docs = await store.documents.list({ limit: PAGE, offset });
    for (const d of docs) if (!d.classificationJson && d.chunkCount > 0) pending.push(d.id);
    if (docs.length < PAGE) break;
  }
  for (const id of pending) {
    if (deps.signal?.aborted) break;
    try {
      const done = await withDocumentLock(id, async () => {
        const doc = await store.documents.get(id);
        if (!doc || doc.classificationJson) return false;
        const chunks = await store.chunks.forDocument(id);
        if (chunks.length === 0) return false;
        const result = await classifier.classifyChunks(classifyInput(chunks));
        const json = JSON.stringify(result);
        const feedback = await store.feedback.forDocument(id);
        const tags = publishedTags(json, await loadAutoAccept(store), feedback, vocab);
        await store.documents.updateTags(id, tags, json);
        return true;
      });
      if (done) out.classified += 1;
    } catch (err) {
      out.failed += 1;
      logger?.warn({ documentId: id, err: err instanceof Error ? err.message : String(err) }, "classify untagged");
    }
  }
  if (pending.length > 0) logger?.info({ ...out }, "documents stored untagged are now classified");
  return out;
}
