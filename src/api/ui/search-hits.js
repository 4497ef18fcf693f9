// One search hit as the Search view draws it: title, one relevance (0–1, as a bar and a
// percentage), names instead of codes, passages with pages, tags, and the component scores only
// inside "Why it matched".

import { bar, h, pct, safeSnippet } from "./dom.js";
import { countryName } from "./facets.js";
import { tagChips } from "./review.js";

/** @typedef {import("./api.js").Schemas} Schemas */
/** @typedef {Schemas["SearchHit"]} Hit */

// Titles of documents shown so far, so "similar to …" can name the document it started from.
/** @type {Map<string, string>} */
const titles = new Map();

/** @param {string} id */
export function titleOf(id) {
  return titles.get(id);
}

/**
 * @param {Hit} hit
 * @param {{ ranked: boolean }} opts ranked: the hits answer a query (browsing has no relevance)
 */
export function hitItem(hit, { ranked }) {
  if (hit.title) titles.set(hit.documentId, hit.title);
  const passages = hit.passages
    .slice(0, 3)
    .map((p) => h("li", {}, pageBadge(p), h("span", { class: "snippet" }, safeSnippet(p.snippet.html))));
  const why = whyText(hit.why);
  return h(
    "li",
    { class: "hit", dataset: { documentId: hit.documentId } },
    h(
      "article",
      {},
      h(
        "div",
        { class: "hit-head" },
        h("h3", {}, hit.title || hit.filename || "Untitled document"),
        ranked && Number.isFinite(hit.score) ? relevance(hit.score) : null,
      ),
      hitMeta(hit),
      passages.length ? h("ul", { class: "passages" }, passages) : null,
      tagChips(hit.tags),
      why ? h("details", { class: "why" }, h("summary", {}, "Why it matched"), h("p", {}, why)) : null,
      h(
        "a",
        { class: "similar-link", href: `#/search?similar=${encodeURIComponent(hit.documentId)}` },
        "Similar documents",
      ),
    ),
  );
}

/**
 * The one relevance users see: 0–1 as a bar and a percentage (the same scale in every mode).
 * @param {number} score
 */
function relevance(score) {
  const text = `Relevance ${pct(score)}`;
  return h("span", { class: "hit-score", title: text }, bar(score, "bar-relevance"), h("span", {}, text));
}

/** @param {Hit} hit */
function hitMeta(hit) {
  const country = hit.countryName ?? (hit.country ? countryName(hit.country) : undefined);
  const bits = [country, hit.language, hit.recordTypeName ?? hit.recordType].filter(Boolean);
  return bits.length ? h("p", { class: "doc-meta" }, bits.join(" · ")) : null;
}

/** @param {Schemas["SearchHit"]["passages"][number]} p */
function pageBadge(p) {
  const from = p.pageStart;
  const to = p.pageEnd;
  if (!from) return null;
  return h("span", { class: "page" }, to && to !== from ? `pp. ${from}–${to}` : `p. ${from}`);
}

/**
 * The API's match reason with its component scores (cosine, BM25): they explain a ranking but
 * are on scales of their own, so they stay here rather than beside the relevance.
 * @param {Schemas["SearchHit"]["why"]} why
 */
function whyText(why) {
  const bits = [];
  if (why.terms.length) bits.push(`words ${why.terms.map((t) => `“${t}”`).join(", ")}`);
  if (why.semanticScore !== undefined) bits.push(`meaning similarity (cosine) ${why.semanticScore.toFixed(2)}`);
  if (why.keywordScore !== undefined) bits.push(`keyword score (BM25) ${why.keywordScore.toFixed(2)}`);
  return bits.join(" · ");
}
