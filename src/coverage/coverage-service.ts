import type { Countries } from "../geo/index.ts";
import { validateFilters } from "../search/index.ts";
import type { DocumentRecord, DocumentStore } from "../store/index.ts";
import type { Vocabulary } from "../vocab/index.ts";
import { acceptedLabels, evidenceFor, gbfLabelsOf, rejectedLabels, suggestionsOf } from "./internal/doc-labels.ts";
import {
  type CellDocument,
  type CoverageAxisItem,
  type CoverageCell,
  type CoverageQuery,
  type CoverageReport,
  NO_COUNTRY,
  type TagSource,
} from "./types.ts";

export interface CoverageDeps {
  store: DocumentStore;
  vocab: Vocabulary;
  countries: Countries;
  /** Most documents counted per request (the rest is reported as `truncated`). */
  maxDocuments?: number;
}

export interface CoverageService {
  coverage(query: CoverageQuery): Promise<CoverageReport>;
  /** The documents in scope with the GBF labels each counts for (the country summary builds on it). */
  labelledDocuments(query: CoverageQuery): Promise<{ docs: LabelledDocument[]; truncated: boolean }>;
  /** Evidence for one document and label (a cell's detail). */
  cellDocument(doc: DocumentRecord, label: string): CellDocument;
  gbfLabels(): { id: string; name: string }[];
}

export interface LabelledDocument {
  doc: DocumentRecord;
  country: string;
  labels: Set<string>;
}

const COUNTS: Record<TagSource, string> = {
  accepted: "documents whose reviewers accepted or added the label (goals implied by their targets)",
  suggested: "documents the classifier tagged with the label at or above its threshold, after review",
  source: "documents whose source system (CHM, Bioland) tagged them with the label",
};

/**
 * Coverage of the GBF by country: which documents address which target, with the passages that
 * say so, and the gaps (zero cells) shown as plainly as the hits.
 *
 * @example
 * const coverage = createCoverageService({ store, vocab, countries: createCountries() });
 * const report = await coverage.coverage({ by: "country", country: ["fr"], tagSource: "suggested" });
 */
export function createCoverageService(deps: CoverageDeps): CoverageService {
  const { store, vocab, countries } = deps;
  const maxDocuments = deps.maxDocuments ?? 20_000;
  const labels = [...vocab.terms("gbf-targets"), ...vocab.terms("gbf-goals")].map((t) => ({
    id: t.identifier,
    name: t.shortTitle.en || t.name,
  }));
  const labelName = new Map(labels.map((l) => [l.id, l.name]));
  const countryName = (code: string) => (code === NO_COUNTRY ? "No country given" : countries.name(code));

  function cellDocument(doc: DocumentRecord, label: string): CellDocument {
    const { score, evidence } = evidenceFor(suggestionsOf(doc), label, vocab);
    return {
      id: doc.id,
      title: doc.title ?? doc.filename ?? doc.id,
      ...(doc.recordType ? { recordType: doc.recordType } : {}),
      ...(doc.sourceUrl ? { sourceUrl: doc.sourceUrl } : {}),
      ...(score !== undefined ? { score } : {}),
      evidence,
    };
  }

  async function labelledDocuments(q: CoverageQuery) {
    const filter = validateFilters(
      { country: q.country, type: q.type, from: q.from, to: q.to, target: undefined },
      vocab,
    );
    // Goals are valid too: validate the label list against both GBF domains.
    validateFilters({ target: q.target?.filter((t) => !t.startsWith("GBF-GOAL-")) }, vocab);
    validateFilters({ goal: q.target?.filter((t) => t.startsWith("GBF-GOAL-")) }, vocab);
    const found = await store.documents.list({ limit: maxDocuments + 1, filter });
    const feedback = q.tagSource === "source" ? [] : await store.feedback.all();
    const accepted = q.tagSource === "accepted" ? acceptedLabels(feedback) : new Map();
    const rejected = q.tagSource === "suggested" ? rejectedLabels(feedback) : new Map();
    const docs = found.slice(0, maxDocuments).map((doc) => ({
      doc,
      country: doc.country || NO_COUNTRY,
      labels: gbfLabelsOf(doc, q.tagSource, accepted, vocab, rejected),
    }));
    return { docs, truncated: found.length > maxDocuments };
  }

  return {
    cellDocument,
    labelledDocuments,
    gbfLabels: () => labels,

    async coverage(q: CoverageQuery): Promise<CoverageReport> {
      const perCell = Math.max(0, Math.min(20, q.perCell ?? 3));
      const { docs, truncated } = await labelledDocuments(q);
      const wanted = q.target?.length ? labels.filter((l) => q.target!.includes(l.id)) : labels;
      const countryCodes = [...new Set([...(q.country ?? []), ...docs.map((d) => d.country)])].sort((a, b) =>
        countryName(a).localeCompare(countryName(b)),
      );

      const cells: CoverageCell[] = [];
      for (const country of countryCodes) {
        const inCountry = docs.filter((d) => d.country === country);
        for (const label of wanted) {
          const hits = inCountry.filter((d) => d.labels.has(label.id));
          const ranked = hits
            .map((d) => cellDocument(d.doc, label.id))
            .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.title.localeCompare(b.title));
          cells.push({ country, label: label.id, count: hits.length, documents: ranked.slice(0, perCell) });
        }
      }

      const countryAxis: CoverageAxisItem[] = countryCodes.map((code) => ({
        id: code,
        name: countryName(code),
        documents: docs.filter((d) => d.country === code).length,
        missing: cells.filter((c) => c.country === code && c.count === 0).map((c) => c.label),
      }));
      const labelAxis: CoverageAxisItem[] = wanted.map((l) => ({
        id: l.id,
        name: labelName.get(l.id) ?? l.id,
        documents: docs.filter((d) => d.labels.has(l.id)).length,
        missing: cells.filter((c) => c.label === l.id && c.count === 0).map((c) => c.country),
      }));
      return {
        by: q.by,
        tagSource: q.tagSource,
        counts: COUNTS[q.tagSource],
        rows: q.by === "country" ? countryAxis : labelAxis,
        columns: q.by === "country" ? labelAxis : countryAxis,
        cells,
        documentsInScope: docs.length,
        truncated,
      };
    },
  };
}
