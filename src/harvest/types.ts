import type { DocumentSource } from "../store/types.ts";

/** A link to a file attached to a record (a PDF, a DOCX …). */
export interface RecordAttachment {
  url: string;
  name: string;
}

/** One source record, normalised from the CHM index/record or a Bioland node. */
export interface HarvestRecord {
  system: DocumentSource["system"];
  recordId: string;
  /** The record's page in its source. */
  url: string;
  updatedAt: string;
  title: string;
  /** The CHM `schema_s` (resource, caseStudy …) or the Bioland node type. */
  recordType?: string;
  /** ISO 3166 alpha-2, lower case. */
  country?: string;
  /** The record's own text in reading order (summary, description …), HTML already removed. */
  sections: { heading?: string; text: string }[];
  attachments: RecordAttachment[];
  /** The source's human tags, as given (CBD term keys such as GBF-TARGET-03, CBD-SUBJECT-PA). */
  tagKeys: string[];
}

/** What happened to one record in a harvest. */
export interface RecordOutcome {
  recordId: string;
  title: string;
  status: "new" | "updated" | "unchanged" | "failed";
  /** Set when the record failed: why. */
  reason?: string;
  /** Attachments that could not be read (the record is still ingested without them). */
  attachmentFailures: { name: string; reason: string }[];
  documentId: string;
  jobId?: string;
}

/**
 * One record as its listing gives it; `complete` fetches what the listing lacks (the full record),
 * and is only called for a record that is new or changed.
 */
export interface SourceItem {
  record: HarvestRecord;
  complete?: () => Promise<HarvestRecord>;
}

/** Where records come from: an async sequence, paged underneath. */
export type RecordSource = AsyncIterable<SourceItem>;
