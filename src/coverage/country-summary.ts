import type { Countries } from "../geo/index.ts";
import type { CoverageService } from "./coverage-service.ts";
import type { CellDocument, TagSource } from "./types.ts";

export interface TargetSummary {
  id: string;
  name: string;
  /** Documents of the country addressing the target, best evidence first. */
  documents: CellDocument[];
  count: number;
}

export interface CountrySummary {
  country: string;
  countryName: string;
  tagSource: TagSource;
  generatedAt: string;
  documentsInScope: number;
  /** Every GBF target and goal, in order; an empty `documents` is a target without evidence yet. */
  targets: TargetSummary[];
  /** Ids of the targets and goals with no document yet. */
  gaps: string[];
}

/**
 * What a country's documents say per GBF target: the material a national focal point needs when
 * drafting the national report (top passages with pages and links, and the targets not yet covered).
 */
export async function countrySummary(
  coverage: CoverageService,
  countries: Countries,
  input: { country: string; tagSource: TagSource; perTarget?: number; now?: Date },
): Promise<CountrySummary> {
  const perTarget = Math.max(1, Math.min(20, input.perTarget ?? 5));
  const { docs } = await coverage.labelledDocuments({
    by: "target",
    country: [input.country],
    tagSource: input.tagSource,
  });
  const targets = coverage.gbfLabels().map((label) => {
    const hits = docs.filter((d) => d.labels.has(label.id));
    const ranked = hits
      .map((d) => coverage.cellDocument(d.doc, label.id))
      .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.title.localeCompare(b.title));
    return { id: label.id, name: label.name, documents: ranked.slice(0, perTarget), count: hits.length };
  });
  return {
    country: input.country,
    countryName: countries.name(input.country),
    tagSource: input.tagSource,
    generatedAt: (input.now ?? new Date()).toISOString(),
    documentsInScope: docs.length,
    targets,
    gaps: targets.filter((t) => t.count === 0).map((t) => t.id),
  };
}
