/** harvest: CHM and Bioland records → documents through the ingestion queue, kept in sync. */
export { chmIndexUrl, chmRecords, type ChmQuery } from "./chm-client.ts";
export { biolandRecords, type BiolandQuery } from "./bioland-client.ts";
export { createHttpClient, type HttpClient, type HttpOptions } from "./http.ts";
export { harvestRecords, type HarvestDeps, type HarvestOptions } from "./harvest.ts";
export { recordDocumentKey, recordMarkdown, recordMeta } from "./record-document.ts";
export { isEmptyTagSet, toSourceTags } from "./source-tags.ts";
export type { HarvestRecord, RecordAttachment, RecordOutcome, RecordSource, SourceItem } from "./types.ts";
export { SOURCE_EXAMPLE_CHARS, sourceTagExamples } from "./source-tag-examples.ts";
