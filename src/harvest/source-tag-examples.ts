import type { LabelledExample } from "../classify/index.ts";
import type { DocumentRecord, DocumentStore } from "../store/types.ts";
import type { Vocabulary } from "../vocab/index.ts";

/** Characters of a harvested document used as its example text: its record text and a first look at attachments. */
export const SOURCE_EXAMPLE_CHARS = 6000;
const PAGE = 500;

/**
 * Harvested documents whose source tags name GBF targets or goals, as labelled examples (like
 * accepted feedback): the text is the start of the document (the record's title, summary and
 * description come first), the labels its source's GBF tags, the key its document id so a
 * cross-validation keeps each document in one fold.
 *
 * @example const examples = [...(await loadDevSet()), ...(await sourceTagExamples(store, vocab))];
 */
export async function sourceTagExamples(
  store: DocumentStore,
  vocab: Vocabulary,
  maxChars = SOURCE_EXAMPLE_CHARS,
): Promise<LabelledExample[]> {
  const out: LabelledExample[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const docs = await store.documents.list({ limit: PAGE, offset });
    for (const doc of docs) {
      const labels = gbfLabels(doc, vocab);
      if (labels.length === 0) continue;
      const text = await leadingText(store, doc.id, maxChars);
      if (text)
        out.push({
          id: `source-${doc.id}`,
          text,
          labels,
          language: doc.language,
          key: `source-${doc.id}`,
          genre: "record",
        });
    }
    if (docs.length < PAGE) break;
  }
  return out;
}

function gbfLabels(doc: DocumentRecord, vocab: Vocabulary): string[] {
  const tags = doc.sourceTags;
  if (!tags) return [];
  const ids = [...tags.targets, ...tags.goals].filter((id) => {
    const domain = vocab.get(id)?.domain;
    return domain === "gbf-targets" || domain === "gbf-goals";
  });
  return [...new Set(ids)].sort();
}

async function leadingText(store: DocumentStore, documentId: string, maxChars: number): Promise<string> {
  const chunks = (await store.chunks.forDocument(documentId)).sort((a, b) => a.index - b.index);
  let text = "";
  for (const c of chunks) {
    if (text.length > 0 && text.length + c.text.length > maxChars) break;
    text += (text ? "\n" : "") + c.text;
  }
  return text.slice(0, maxChars).trim();
}
