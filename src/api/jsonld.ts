import { AppError } from "../errors.ts";
import { termLabel } from "../search/index.ts";
import type { DocumentRecord, TagSet } from "../store/types.ts";
import type { Vocabulary } from "../vocab/types.ts";

/** The CBD thesaurus, whose term URIs the SKOS export (`?format=skos`) uses too. */
const THESAURUS = "https://api.cbd.int/api/v2013/thesaurus/";
const DOMAIN_OF: Record<string, string> = {
  "gbf-goals": "GBF-GOALS",
  "gbf-targets": "GBF-TARGETS",
  "cbd-subjects": "CBD-SUBJECTS",
  sdgs: "SDG-GOALS",
};

export type DocumentFormat = "json" | "jsonld" | "cbd";

/**
 * Which view of `GET /v1/documents/{id}` the caller asked for: `?format=jsonld|cbd|json`, else
 * `Accept: application/ld+json` for JSON-LD; an unknown format is a 400.
 */
export function documentFormat(format: string | undefined, accept: string | undefined): DocumentFormat {
  if (format === undefined || format === "") return /application\/ld\+json/i.test(accept ?? "") ? "jsonld" : "json";
  if (format === "json" || format === "jsonld" || format === "cbd") return format;
  throw new AppError("validation_failed", `Unknown document format "${format}"`, {
    details: { allowed: ["json", "jsonld", "cbd"] },
  });
}

/** The document's effective tags (accepted feedback over suggestions), all four lists. */
const allTags = (t: TagSet) => [...t.goals, ...t.targets, ...t.subjects, ...t.sdgs];

/**
 * schema.org view of a document: a `Report` for report-like record types, else a
 * `CreativeWork`; `about` holds its tags as CBD thesaurus terms (URI, code, label, term set).
 */
export function documentJsonLd(doc: DocumentRecord, vocab: Vocabulary, origin: string): Record<string, unknown> {
  const about = allTags(doc.tags).map((id) => {
    const domain = DOMAIN_OF[vocab.get(id)?.domain ?? ""];
    return {
      "@type": "DefinedTerm",
      "@id": `${THESAURUS}terms/${id}`,
      termCode: id,
      name: termLabel(vocab, id),
      ...(domain ? { inDefinedTermSet: `${THESAURUS}domains/${domain}` } : {}),
    };
  });
  const report = /report|nbsap|nationalTarget/i.test(doc.recordType ?? "");
  return {
    "@context": "https://schema.org",
    "@type": report ? "Report" : "CreativeWork",
    "@id": `${origin}/v1/documents/${encodeURIComponent(doc.id)}`,
    identifier: doc.id,
    name: doc.title ?? doc.filename ?? doc.id,
    inLanguage: doc.language,
    encodingFormat: doc.mediaType,
    dateCreated: doc.createdAt,
    dateModified: doc.updatedAt,
    ...(doc.recordType ? { genre: doc.recordType } : {}),
    ...(doc.country ? { spatialCoverage: { "@type": "Country", identifier: doc.country } } : {}),
    ...(doc.sourceUrl ? { url: doc.sourceUrl } : {}),
    ...(doc.source ? { sameAs: doc.source.url, isBasedOn: doc.source.url } : {}),
    about,
  };
}

/**
 * The document's tags in the CHM record field format: `Term[]` (`{ identifier }`) under the
 * field names CHM schemas use (`gbfTargets`, `globalGoalAlignment`, `cbdSubjects`; `sdgs` has no
 * CHM field and is given for Bioland), plus the Solr index names, so a CHM or Bioland site can
 * import them.
 */
export function cbdTagExport(doc: DocumentRecord): Record<string, unknown> {
  const terms = (ids: string[]) => ids.map((identifier) => ({ identifier }));
  return {
    header: {
      identifier: doc.source?.recordId ?? doc.id,
      ...(doc.recordType ? { schema: doc.recordType } : {}),
    },
    gbfTargets: terms(doc.tags.targets),
    globalGoalAlignment: terms(doc.tags.goals),
    cbdSubjects: terms(doc.tags.subjects),
    sdgs: terms(doc.tags.sdgs),
    index: {
      gbfTargets_ss: doc.tags.targets,
      globalGoalAlignment_ss: doc.tags.goals,
      cbdSubjects_ss: doc.tags.subjects,
    },
  };
}
