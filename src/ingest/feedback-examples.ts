import { examplesFromFeedback, type ClassificationResult, type LabelledExample } from "../classify/index.ts";
import type { DocumentRecord, DocumentStore } from "../store/types.ts";
import type { Vocabulary } from "../vocab/types.ts";

/** Chunk text used when a label has no evidence: about one embedding window's worth. */
const FALLBACK_CHARS = 2000;

/**
 * Training examples from reviewers' feedback in the store (see `examplesFromFeedback`): the text of
 * an example is the evidence the classifier showed for the label, else the start of the document.
 * Only GBF goals and targets train the classifier, so feedback on subjects and SDGs is left out;
 * feedback on deleted documents is skipped.
 *
 * @example
 * const examples = [...(await loadDevSet()), ...(await feedbackExamples(store, vocab))];
 */
export async function feedbackExamples(store: DocumentStore, vocab: Vocabulary): Promise<LabelledExample[]> {
  const isGbf = (id: string) => {
    const domain = vocab.get(id)?.domain;
    return domain === "gbf-goals" || domain === "gbf-targets";
  };
  const feedback = (await store.feedback.all()).filter((f) => isGbf(f.labelId));
  const docIds = [...new Set(feedback.map((f) => f.documentId))];
  const docs = new Map((await store.documents.getMany(docIds)).map((d) => [d.id, d]));
  // examplesFromFeedback looks evidence up synchronously, so everything is read first; chunks only
  // for documents where some label has no evidence.
  const fallback = new Map<string, string>();
  for (const f of feedback) {
    const doc = docs.get(f.documentId);
    if (doc && !fallback.has(doc.id) && !evidenceFor(doc, f.labelId)) fallback.set(doc.id, await leadingText(store, doc.id));
  }
  return examplesFromFeedback(feedback, (documentId, labelId) => {
    const doc = docs.get(documentId);
    if (!doc) return undefined;
    return evidenceFor(doc, labelId) ?? fallback.get(documentId);
  });
}

/** The evidence passages the stored classification gave for a label, joined. */
function evidenceFor(doc: DocumentRecord, labelId: string): string | undefined {
  let parsed: Partial<ClassificationResult> | null;
  try {
    parsed = JSON.parse(doc.classificationJson || "null") as Partial<ClassificationResult> | null;
  } catch {
    return undefined;
  }
  const suggestion = Array.isArray(parsed?.suggestions) ? parsed.suggestions.find((s) => s.id === labelId) : undefined;
  const texts = (suggestion?.evidence ?? []).map((e) => e.text?.trim()).filter((t): t is string => !!t);
  return texts.length ? [...new Set(texts)].join("\n") : undefined;
}

/** The first chunks of a document, up to FALLBACK_CHARS. */
async function leadingText(store: DocumentStore, documentId: string): Promise<string> {
  const chunks = (await store.chunks.forDocument(documentId)).sort((a, b) => a.index - b.index);
  const parts: string[] = [];
  let length = 0;
  for (const c of chunks) {
    if (length > 0 && length + c.text.length > FALLBACK_CHARS) break;
    parts.push(c.text);
    length += c.text.length;
  }
  return parts.join("\n");
}
