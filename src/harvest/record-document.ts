import type { DocumentMeta, TagSet } from "../store/types.ts";
import type { HarvestRecord } from "./types.ts";

/** The caller key of a record's document: the same record always lands on the same document id. */
export function recordDocumentKey(record: Pick<HarvestRecord, "system" | "recordId">): string {
  return `${record.system}:${record.recordId}`;
}

/**
 * One Markdown document per record: the record's own text first, then each attachment as a
 * section. The header names the record and its update time, so a record that changed at the
 * source always has new content (and is re-ingested) even when only its tags moved. The source's
 * tags are never written into the text: the classifier must not read its own answers.
 */
export function recordMarkdown(record: HarvestRecord, attachments: { name: string; text: string }[]): string {
  const lines = [`# ${oneLine(record.title)}`, ""];
  const facts = [
    record.recordType,
    record.country?.toUpperCase(),
    `${record.system.toUpperCase()} record ${record.recordId}`,
    record.updatedAt && `updated ${record.updatedAt}`,
  ].filter(Boolean);
  lines.push(facts.join(" · "), "");
  for (const s of record.sections) {
    if (s.heading) lines.push(`## ${s.heading}`, "");
    lines.push(s.text.trim(), "");
  }
  for (const a of attachments) lines.push(`## Attachment: ${oneLine(a.name)}`, "", a.text.trim(), "");
  return `${lines.join("\n").trim()}\n`;
}

/** Document metadata for a record: provenance in `source`, its human tags in `sourceTags`. */
export function recordMeta(record: HarvestRecord, sourceTags: TagSet): DocumentMeta {
  return {
    title: record.title,
    filename: `${record.system}-${record.recordId}.md`.replace(/[^\w.-]+/g, "_"),
    ...(record.country ? { country: record.country } : {}),
    ...(record.recordType ? { recordType: record.recordType } : {}),
    sourceUrl: record.url,
    source: { system: record.system, recordId: record.recordId, url: record.url, updatedAt: record.updatedAt },
    sourceTags,
  };
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
