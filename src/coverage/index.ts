/** The coverage stage: GBF coverage per country with evidence, and country summaries (no HTTP here). */
export { type CountrySummary, countrySummary, type TargetSummary } from "./country-summary.ts";
export {
  type CoverageDeps,
  type CoverageService,
  createCoverageService,
  type LabelledDocument,
} from "./coverage-service.ts";
export { createInsights, type Insights } from "./insights.ts";
export { countrySummaryCsv, countrySummaryHtml, coverageCsv } from "./render.ts";
export type {
  CellDocument,
  CellPassage,
  CoverageAxisItem,
  CoverageCell,
  CoverageQuery,
  CoverageReport,
  TagSource,
} from "./types.ts";
export { NO_COUNTRY } from "./types.ts";
