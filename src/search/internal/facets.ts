import type { DocumentSummary } from "../../store/types.ts";
import type { Vocabulary } from "../../vocab/types.ts";
import type { Facets, FacetValue } from "../types.ts";
import { recordTypeName } from "../../vocab/index.ts";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

/** A country's English name from its ISO code (the code itself when unknown). */
export function countryName(code: string): string {
  return safeName(regionNames, code);
}

function safeName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code.length === 2 ? code.toUpperCase() : code) ?? code;
  } catch {
    return code;
  }
}

/** Human label of a vocabulary id: the English title, else short title, else the id. */
export function termLabel(vocab: Vocabulary, id: string): string {
  const t = vocab.get(id);
  return t?.title.en || t?.shortTitle.en || t?.name || id;
}

function count(values: Iterable<string | undefined>, label: (id: string) => string): FacetValue[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([id, n]) => ({ id, label: label(id), count: n }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

/** Facet counts (documents per value) over a set of documents, with display labels. */
export function computeFacets(docs: DocumentSummary[], vocab: Vocabulary): Facets {
  const term = (id: string) => termLabel(vocab, id);
  return {
    targets: count(
      docs.flatMap((d) => d.tags.targets),
      term,
    ),
    goals: count(
      docs.flatMap((d) => d.tags.goals),
      term,
    ),
    subjects: count(
      docs.flatMap((d) => d.tags.subjects),
      term,
    ),
    countries: count(
      docs.map((d) => d.country),
      (c) => safeName(regionNames, c),
    ),
    languages: count(
      docs.map((d) => d.language).filter((l) => l !== "und"),
      (l) => safeName(languageNames, l),
    ),
    types: count(
      docs.map((d) => d.recordType),
      recordTypeName,
    ),
  };
}
