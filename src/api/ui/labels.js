// Human titles for label ids (GBF-TARGET-03 → "Target 3 – …"), loaded once per domain from
// GET /v1/vocabularies/:domain and shared by every view.

import { api } from "./api.js";

/** @typedef {ReturnType<typeof termFromApi>} UiTerm */

/** @type {Map<string, Promise<UiTerm[]>>} */
const cache = new Map();
/** @type {Map<string, string>} */
const titles = new Map();

/**
 * Terms of a vocabulary domain (see termFromApi), fetched once.
 * @param {string} domain
 * @returns {Promise<UiTerm[]>}
 */
export function loadTerms(domain) {
  if (!cache.has(domain)) {
    const p = api(`/v1/vocabularies/${encodeURIComponent(domain)}`).then((body) => {
      const terms = (Array.isArray(body) ? body : []).map(termFromApi);
      for (const t of terms) titles.set(t.id, t.title);
      return terms;
    });
    // A failed load may be retried later (e.g. after the user sets an API key).
    p.catch(() => cache.delete(domain));
    cache.set(domain, p);
  }
  return /** @type {Promise<UiTerm[]>} */ (cache.get(domain));
}

/** Loads the domains the views label things with; failures leave ids as they are. */
export async function preloadLabels() {
  await Promise.allSettled(["gbf-targets", "gbf-goals", "cbd-subjects"].map(loadTerms));
}

/**
 * The title of a label id, or the id itself when unknown.
 * @param {string} id
 */
export function labelOf(id) {
  return cleanTitle(titles.get(id) ?? id);
}

/** Drops the thesaurus' code prefix ("GBF-T06. Reduce…" → "Reduce…"); the UI shows its own short id. */
/** @param {unknown} title */
export function cleanTitle(title) {
  return String(title).replace(/^(GBF-[TG]-?[0-9A-D]+|Aichi-T\d+)\.\s*/, "");
}

/**
 * True for CBD subject ids, which read better by name than by code.
 * @param {string} id
 */
export function isSubject(id) {
  return /^CBD-SUBJECT-/.test(id);
}

/**
 * Short display id: GBF-TARGET-03 → "T3", GBF-GOAL-A → "Goal A", others unchanged.
 * @param {string} id
 */
export function shortId(id) {
  const t = /^GBF-TARGET-0*(\d+)$/.exec(id);
  if (t) return `T${t[1]}`;
  const g = /^GBF-GOAL-([A-D])$/.exec(id);
  if (g) return `Goal ${g[1]}`;
  const sdg = /^SUSTAINABLE-DEVELOPMENT-GOAL-0*(\d+)$/.exec(id);
  if (sdg) return `SDG ${sdg[1]}`;
  return id;
}

/**
 * A term of GET /v1/vocabularies/:domain as the page uses it: id, display title (short English
 * title, without the thesaurus code prefix) and the folded text "Find a target" searches.
 * @param {any} t a term as the vocabulary route returns it (loosely shaped across domains)
 */
export function termFromApi(t) {
  const title = cleanTitle(t.shortTitle?.en || t.title?.en || t.name || t.identifier);
  const n = /-0*(\d+)$/.exec(t.identifier)?.[1];
  const texts = [t.identifier, t.name, ...Object.values(t.title ?? {}), ...Object.values(t.shortTitle ?? {})];
  texts.push(...Object.values(t.longDescription ?? {}));
  return { id: t.identifier, title, number: n, haystack: fold(texts.join(" ")) };
}

/**
 * True when a term matches what the user typed in "Find a target": its short id ("T12", "t07"),
 * "Target 7" or a bare number (7 is not 17), or every word of the query as the start of a word of
 * its titles or full text, in any of the languages.
 * @param {{ number?: string, haystack: string }} term
 * @param {string} query
 */
export function matchesTerm(term, query) {
  const q = fold(query).trim();
  if (!q) return true;
  const num = /^(?:gbf\s+)?(?:t|target|cible|meta)?\s*0*(\d+)$/.exec(q);
  if (num) return term.number === num[1];
  const words = ` ${term.haystack} `;
  return q.split(/\s+/).every((w) => words.includes(` ${w}`));
}

/**
 * Lower case, accents dropped, punctuation as spaces.
 * @param {unknown} text
 */
function fold(text) {
  return String(text)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ");
}
