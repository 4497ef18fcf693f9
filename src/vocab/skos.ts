import { UN_LANGUAGES, type LString, type VocabDomain, type Vocabulary } from "./types.ts";

const BASE = "https://api.cbd.int/api/v2013/thesaurus/";

const langValues = (s: LString) => UN_LANGUAGES.filter((l) => s[l]).map((l) => ({ "@language": l, "@value": s[l]! }));

/**
 * One vocabulary domain as a SKOS ConceptScheme in JSON-LD: concepts with prefLabel (and
 * altLabel = short title, definition = long description) per language, broader/narrower/related.
 */
export function toSkosJsonLd(vocab: Vocabulary, domain: VocabDomain): Record<string, unknown> {
  const scheme = `${BASE}domains/${domain}`;
  const concepts = vocab.terms(domain).map((t) => ({
    "@id": `${BASE}terms/${t.identifier}`,
    "@type": "skos:Concept",
    "skos:notation": t.identifier,
    "skos:inScheme": { "@id": scheme },
    "skos:prefLabel": langValues(t.title),
    ...(Object.keys(t.shortTitle).length ? { "skos:altLabel": langValues(t.shortTitle) } : {}),
    ...(Object.keys(t.longDescription).length ? { "skos:definition": langValues(t.longDescription) } : {}),
    "skos:broader": t.broaderTerms.map((id) => ({ "@id": `${BASE}terms/${id}` })),
    "skos:narrower": t.narrowerTerms.map((id) => ({ "@id": `${BASE}terms/${id}` })),
    "skos:related": t.relatedTerms.map((id) => ({ "@id": `${BASE}terms/${id}` })),
    ...(t.broaderTerms.length === 0 ? { "skos:topConceptOf": { "@id": scheme } } : {}),
  }));
  return {
    "@context": { skos: "http://www.w3.org/2004/02/skos/core#" },
    "@graph": [
      {
        "@id": scheme,
        "@type": "skos:ConceptScheme",
        "skos:prefLabel": { "@language": "en", "@value": domain },
        "skos:hasTopConcept": concepts.filter((c) => "skos:topConceptOf" in c).map((c) => ({ "@id": c["@id"] })),
      },
      ...concepts,
    ],
  };
}
