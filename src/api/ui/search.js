// Search view: query, mode, facet filters, results grouped by document, cursor paging and
// "similar documents". The query lives in the hash (#/search?q=…) so back/forward work.

import { api, describeError, isAbort } from "./api.js";
import { countChosen, FACETS, facetGroups } from "./facets.js";
import { byId, h, replace, safeSnippet } from "./dom.js";
import { cleanTitle, labelOf, preloadLabels, shortId } from "./labels.js";
import { tagChips } from "./review.js";

const PAGE_SIZE = 10;

/** @typedef {import("./api.js").Schemas} Schemas */

const el = byId;
/** @type {{ key: string, cursors: Array<string | undefined>, index: number }} */
let pages = { key: "", cursors: [undefined], index: 0 };
/** @type {() => HTMLFormElement} */
const form = () => byId("search-form");
/** @type {() => HTMLInputElement} */
const queryBox = () => byId("q");
const modeRadios = () => /** @type {RadioNodeList} */ (form().elements.namedItem("mode"));
/** @type {AbortController | null} */
let inflight = null;
// Titles of documents shown so far, so "similar to …" can name the document it started from.
/** @type {Map<string, string>} */
const titles = new Map();

/** Wires the Search view once. */
export function initSearch() {
  form().addEventListener("submit", (ev) => {
    ev.preventDefault();
    const params = new URLSearchParams();
    const q = queryBox().value.trim();
    if (q) params.set("q", q);
    params.set("mode", modeRadios().value);
    // A new query starts without filters: the old facet values may not exist for it.
    navigate(params);
  });
  form().addEventListener("change", (ev) => {
    if (ev.target instanceof HTMLInputElement && ev.target.name === "mode") form().requestSubmit();
  });
}

/**
 * Runs whatever the hash asks for; called by the router on every visit.
 * @param {URLSearchParams} params
 */
export function showSearch(params) {
  queryBox().value = params.get("q") ?? "";
  const mode = params.get("mode") ?? "hybrid";
  modeRadios().value = mode;
  if (params.get("similar")) return runSimilar(/** @type {string} */ (params.get("similar")));
  // Without a query the API browses the documents (newest first) with facets, so the view
  // is useful before anything is typed. The page number is in the hash (page=2) so a result
  // page can be linked and reloaded; the cursors that reach it are kept per query.
  const base = new URLSearchParams(params);
  base.delete("page");
  const key = base.toString();
  if (pages.key !== key) pages = { key, cursors: [undefined], index: 0 };
  pages.index = pageIndex(params.get("page"));
  return runSearch(base);
}

/**
 * 0-based page index of a `page` hash parameter ("2" → 1); anything else is the first page.
 * @param {string | null} value
 */
export function pageIndex(value) {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? n - 1 : 0;
}

/** @param {URLSearchParams} params */
function navigate(params) {
  location.hash = `#/search?${params.toString()}`;
}

/** @param {URLSearchParams} params @param {number} index */
function goToPage(params, index) {
  const next = new URLSearchParams(params);
  if (index > 0) next.set("page", String(index + 1));
  else next.delete("page");
  navigate(next);
}

/** @param {URLSearchParams} params */
async function runSearch(params) {
  const query = new URLSearchParams(params);
  query.set("group", "document");
  query.set("limit", String(PAGE_SIZE));
  inflight?.abort();
  inflight = new AbortController();
  const signal = inflight.signal;
  el("search-status").textContent = "Searching…";
  try {
    // A page opened from a link has no cursor yet: walk the pages before it to find one.
    for (let i = 0; i < pages.index && pages.cursors[pages.index] === undefined; i++) {
      if (pages.cursors[i + 1] !== undefined) continue;
      if (i > 0 && pages.cursors[i] === undefined) break;
      const walk = new URLSearchParams(query);
      const from = pages.cursors[i];
      if (from) walk.set("cursor", from);
      const body = /** @type {Schemas["SearchResult"]} */ (await api(`/v1/search?${walk}`, { signal }));
      pages.cursors[i + 1] = body.nextCursor ?? undefined;
      if (!body.nextCursor) pages.index = i;
    }
    const cursor = pages.cursors[pages.index];
    if (cursor) query.set("cursor", cursor);
    const [res] = await Promise.all([api(`/v1/search?${query}`, { signal }), preloadLabels()]);
    const body = /** @type {Schemas["SearchResult"]} */ (res);
    const hits = body.hits;
    pages.cursors[pages.index + 1] = body.nextCursor ?? undefined;
    const from = pages.index * PAGE_SIZE + 1;
    const q = params.get("q");
    const what = q ? ` for “${q}”` : "";
    el("search-status").textContent = hits.length
      ? `Showing documents ${from}–${from + hits.length - 1}${body.total ? ` of ${body.total}` : ""}${what}.`
      : `No documents${q ? ` match “${q}”` : hasFilters(params) ? "" : " yet"}${hasFilters(params) ? " with these filters" : ""}.`;
    renderFacets(body.facets, params);
    replace(el("hits"), hits.map(hitItem));
    renderPager(params);
  } catch (err) {
    if (!isAbort(err)) el("search-status").textContent = describeError(err);
  }
}

/** @param {string} id */
async function runSimilar(id) {
  replace(el("facets"));
  replace(el("pager"));
  el("search-status").textContent = "Finding similar documents…";
  try {
    const [res] = await Promise.all([api(`/v1/documents/${encodeURIComponent(id)}/similar`), preloadLabels()]);
    const { hits } = /** @type {{ hits: Schemas["SearchHit"][] }} */ (res);
    const title = titles.get(id);
    el("search-status").textContent =
      `${hits.length} document(s) similar to ${title ? `“${title}”` : "the chosen document"}.`;
    replace(el("hits"), hits.map(hitItem));
  } catch (err) {
    el("search-status").textContent = describeError(err);
  }
}

/** @param {URLSearchParams} params */
function hasFilters(params) {
  return FACETS.some((f) => params.getAll(f.param).length);
}

/**
 * @param {Schemas["SearchResult"]["facets"]} facets
 * @param {URLSearchParams} params
 */
function renderFacets(facets, params) {
  const groups = facetGroups(facets, params).map((f) => {
    const chosen = new Set(params.getAll(f.param));
    const boxes = f.values.map((v) => {
      const id = `facet-${f.param}-${v.id}`.replace(/[^\w-]/g, "_");
      const name = v.label && v.label !== v.id ? cleanTitle(v.label) : labelOf(v.id);
      const input = h("input", { type: "checkbox", id, value: v.id, checked: v.checked });
      input.addEventListener("change", () => {
        const next = new URLSearchParams(params);
        next.delete(f.param);
        next.delete("page");
        const values = new Set(chosen);
        if (input.checked) values.add(v.id);
        else values.delete(v.id);
        for (const value of values) next.append(f.param, value);
        navigate(next);
      });
      const text = f.key === "targets" || f.key === "goals" ? `${shortId(v.id)} ${name === v.id ? "" : name}` : name;
      return h(
        "li",
        {},
        input,
        h(
          "label",
          { for: id, title: name },
          h("span", { class: "facet-name" }, text),
          h("span", { class: "count" }, String(v.count)),
        ),
      );
    });
    return h("fieldset", { class: "facet", dataset: { facet: f.key } }, h("legend", {}, f.title), h("ul", {}, boxes));
  });
  // Re-rendering replaces the checkboxes; keep keyboard focus on the one just toggled, and keep
  // the panel as the user left it (closed by default on phones so results come first).
  const focused = document.activeElement?.closest?.("#facets") ? document.activeElement.id : "";
  const prior = el("facets").querySelector("details");
  const open = prior ? prior.open : !matchMedia("(max-width: 800px)").matches;
  const chosen = countChosen(params);
  const summary = h("summary", { class: "facets-title" }, "Filters", chosen ? ` (${chosen} selected)` : "");
  replace(el("facets"), groups.length ? h("details", { open }, summary, ...groups) : null);
  if (focused) document.getElementById(focused)?.focus();
}

/** @param {Schemas["SearchHit"]} hit */
function hitItem(hit) {
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
        Number.isFinite(hit.score)
          ? h("span", { class: "hit-score", title: "relevance score" }, hit.score.toFixed(3))
          : null,
      ),
      hitMeta(hit),
      passages.length ? h("ul", { class: "passages" }, passages) : null,
      tagChips(hit.tags),
      why ? h("p", { class: "why" }, h("strong", {}, "Why it matched: "), why) : null,
      h(
        "a",
        { class: "similar-link", href: `#/search?similar=${encodeURIComponent(hit.documentId)}` },
        "Similar documents",
      ),
    ),
  );
}

/** @param {Schemas["SearchHit"]} hit */
function hitMeta(hit) {
  const bits = [hit.country, hit.language, hit.recordType].filter(Boolean);
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
 * The API's match reason; its tags are the document's, already shown as chips.
 * @param {Schemas["SearchHit"]["why"]} why
 */
function whyText(why) {
  const bits = [];
  if (why.terms.length) bits.push(`words ${why.terms.map((t) => `“${t}”`).join(", ")}`);
  if (why.semanticScore !== undefined) bits.push(`meaning similarity ${why.semanticScore.toFixed(2)}`);
  if (why.keywordScore !== undefined) bits.push(`keyword score ${why.keywordScore.toFixed(2)}`);
  return bits.join(" · ");
}

/** @param {URLSearchParams} params */
function renderPager(params) {
  const prev = h("button", { type: "button", class: "secondary", text: "Previous page", disabled: pages.index === 0 });
  const next = h("button", {
    type: "button",
    class: "secondary",
    text: "Next page",
    disabled: !pages.cursors[pages.index + 1],
  });
  prev.addEventListener("click", () => goToPage(params, pages.index - 1));
  next.addEventListener("click", () => goToPage(params, pages.index + 1));
  replace(el("pager"), prev, h("span", { class: "page-no" }, `Page ${pages.index + 1}`), next);
}
