// Human titles for label ids (GBF-TARGET-03 → "Target 3 – …"), loaded once per domain from
// GET /v1/vocabularies/:domain and shared by every view.

import { api } from "./api.js";

const cache = new Map();
const titles = new Map();

/** Terms of a vocabulary domain ({ identifier, title, ... }), fetched once. */
export function loadTerms(domain) {
  if (!cache.has(domain)) {
    const p = api(`/v1/vocabularies/${encodeURIComponent(domain)}`).then((body) => {
      const terms = toTerms(body)
        .map(normalise)
        .filter((t) => t.id);
      for (const t of terms) titles.set(t.id, t.title);
      return terms;
    });
    // A failed load may be retried later (e.g. after the user sets an API key).
    p.catch(() => cache.delete(domain));
    cache.set(domain, p);
  }
  return cache.get(domain);
}

/** Loads the domains the views label things with; failures leave ids as they are. */
export async function preloadLabels() {
  await Promise.allSettled(["gbf-targets", "gbf-goals", "cbd-subjects"].map(loadTerms));
}

/** The title of a label id, or the id itself when unknown. */
export function labelOf(id) {
  return cleanTitle(titles.get(id) ?? id);
}

/** Drops the thesaurus' code prefix ("GBF-T06. Reduce…" → "Reduce…"); the UI shows its own short id. */
export function cleanTitle(title) {
  return String(title).replace(/^(GBF-[TG]-?[0-9A-D]+|Aichi-T\d+)\.\s*/, "");
}

/** True for CBD subject ids, which read better by name than by code. */
export function isSubject(id) {
  return /^CBD-SUBJECT-/.test(id);
}

/** Short display id: GBF-TARGET-03 → "T3", GBF-GOAL-A → "Goal A", others unchanged. */
export function shortId(id) {
  const t = /^GBF-TARGET-0*(\d+)$/.exec(id);
  if (t) return `T${t[1]}`;
  const g = /^GBF-GOAL-([A-D])$/.exec(id);
  if (g) return `Goal ${g[1]}`;
  const sdg = /^SUSTAINABLE-DEVELOPMENT-GOAL-0*(\d+)$/.exec(id);
  if (sdg) return `SDG ${sdg[1]}`;
  return id;
}

function toTerms(body) {
  if (Array.isArray(body)) return body;
  for (const key of ["terms", "items", "data"]) if (Array.isArray(body?.[key])) return body[key];
  return [];
}

function normalise(t) {
  const id = t.identifier ?? t.id ?? "";
  const title = pick(t.shortTitle) || pick(t.title) || t.name || t.label || id;
  return { id, title: String(title), raw: t };
}

function pick(value) {
  if (!value) return "";
  if (typeof value === "string") return value;
  return value.en ?? Object.values(value)[0] ?? "";
}
