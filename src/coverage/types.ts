/** Which tags a coverage count is based on. */
export type TagSource = "accepted" | "suggested" | "source";

export interface CoverageQuery {
  /** Rows are countries (columns GBF labels), or GBF labels (columns countries). */
  by: "country" | "target";
  country?: string[];
  /** GBF target or goal ids; empty = all 23 targets and 4 goals. */
  target?: string[];
  type?: string[];
  from?: string;
  to?: string;
  tagSource: TagSource;
  /** Documents (with evidence) listed per non-empty cell. */
  perCell?: number;
}

export interface CellPassage {
  text: string;
  page?: number;
  chunkId?: string;
}

export interface CellDocument {
  id: string;
  title: string;
  recordType?: string;
  sourceUrl?: string;
  /** The classifier's score for the label, when it scored it. */
  score?: number;
  /** Passages that justify the tag (empty when a reviewer added it or only the source system has it). */
  evidence: CellPassage[];
}

export interface CoverageCell {
  country: string;
  label: string;
  count: number;
  documents: CellDocument[];
}

export interface CoverageAxisItem {
  id: string;
  name: string;
  /** Documents in scope for this row/column (any tag or none). */
  documents: number;
  /** Columns (rows) this row (column) has no document for: the gaps. */
  missing: string[];
}

export interface CoverageReport {
  by: "country" | "target";
  tagSource: TagSource;
  /** What a count means, in words, so a reader never guesses. */
  counts: string;
  rows: CoverageAxisItem[];
  columns: CoverageAxisItem[];
  /** Every (country, label) pair of rows × columns, zeros included: gaps are data too. */
  cells: CoverageCell[];
  documentsInScope: number;
  /** True when more documents matched than COVERAGE_MAX_DOCUMENTS allowed to count. */
  truncated: boolean;
}

/** Key used for documents that name no country. */
export const NO_COUNTRY = "none";
