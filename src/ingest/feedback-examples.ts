import { examplesFromFeedback, type LabelledExample } from "../classify/index.ts";
import { classificationOf } from "../store/index.ts";
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
  const docs = await store.documents.getMany([...new Set(feedback.map((f) => f.documentId))]);
  // examplesFromFeedback looks texts up synchronously, so they are all read first: the evidence
  // per (document, label), and a document's opening chunks only when some label has no evidence.
  const texts = new Map<string, string>();
  for (const doc of docs) {
    const evidence = evidenceByLabel(doc);
    let leading: string | undefined;
    for (const f of feedback.filter((x) => x.documentId === doc.id)) {
      const text = evidence.get(f.labelId) ?? (leading ??= await leadingText(store, doc.id));
      texts.set(`${doc.id}|${f.labelId}`, text);
    }
  }
  return examplesFromFeedback(feedback, (documentId, labelId) => texts.get(`${documentId}|${labelId}`));
}

/** The evidence passages the stored classification gave for each label, joined. */
function evidenceByLabel(doc: DocumentRecord): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of classificationOf(doc)?.suggestions ?? []) {
    const texts = s.evidence.map((e) => e.text.trim()).filter((t) => t !== "");
    if (texts.length) out.set(s.id, [...new Set(texts)].join("\n"));
  }
  return out;
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
