// Search view: query (results as you type), mode, sort, date range, facet filters (OR within a
// group, AND across groups), results grouped by document, cursor paging and "similar documents".
// Everything lives in the hash (#/search?q=…&page=2) so back/forward and links work.

import { api, describeError, isAbort } from "./api.js";
import { withoutFilters } from "./facets.js";
import { byId, debounce, h, replace } from "./dom.js";
import { preloadLabels } from "./labels.js";
import { hasFilters, renderFacets } from "./search-filters.js";
import { hitItem, titleOf } from "./search-hits.js";
import { dateRangeProblem, SORTS, withSearch } from "./search-params.js";

const PAGE_SIZE = 10;
// Results as you type: one search after this long without a keystroke, not one per key.
const TYPING_DELAY_MS = 300;

/** @typedef {import("./api.js").Schemas} Schemas */
/** @typedef {Schemas["SearchResult"]} SearchBody */

const el = byId;
/** @type {{ key: string, cursors: Array<string | undefined>, index: number }} */
let pages = { key: "", cursors: [undefined], index: 0 };
/** @type {() => HTMLFormElement} */
const form = () => byId("search-form");
/** @type {() => HTMLInputElement} */
const queryBox = () => byId("q");
const modeRadios = () => /** @type {RadioNodeList} */ (form().elements.namedItem("mode"));
/** @type {() => HTMLSelectElement} */
const sortBox = () => byId("search-sort");
/** @type {() => HTMLInputElement} */
const fromBox = () => byId("search-from");
/** @type {() => HTMLInputElement} */
const toBox = () => byId("search-to");
/** @type {AbortController | null} */
let inflight = null;
/** The parameters of the search on screen (what typing, sorting and dates change). */
let current = new URLSearchParams();

/** Wires the Search view once. */
export function initSearch() {
  form().querySelector(".mode")?.after(searchOptions());
  const typed = debounce(() => {
    // Typing replaces the history entry instead of adding one per pause, and runs the search
    // directly (replaceState fires no hashchange).
    const next = withSearch(current, { q: queryBox().value.trim() });
    history.replaceState(null, "", `#/search?${next}`);
    showSearch(next);
  }, TYPING_DELAY_MS);
  queryBox().addEventListener("input", typed);
  form().addEventListener("submit", (ev) => {
    ev.preventDefault();
    typed.cancel();
    navigate(withSearch(current, { q: queryBox().value.trim(), mode: modeRadios().value }));
  });
  form().addEventListener("change", (ev) => {
    const t = ev.target;
    if (t instanceof HTMLInputElement && t.name === "mode") form().requestSubmit();
    if (t === sortBox()) navigate(withSearch(current, { sort: sortBox().value }));
    if (t === fromBox() || t === toBox()) {
      const problem = dateRangeProblem(fromBox().value, toBox().value);
      el("search-dates-error").textContent = problem ?? "";
      if (!problem) navigate(withSearch(current, { from: fromBox().value, to: toBox().value }));
    }
  });
}

/** The sort menu and the date range, added to the search form. */
function searchOptions() {
  const sort = h(
    "select",
    { id: "search-sort", name: "sort" },
    SORTS.map((s) => h("option", { value: s.value }, s.label)),
  );
  /** @param {string} id @param {string} label */
  const date = (id, label) =>
    h(
      "div",
      { class: "date-field" },
      h("label", { for: id }, label),
      h("input", { id, type: "date", "aria-describedby": "search-dates-error" }),
    );
  return h(
    "div",
    { class: "search-options" },
    h("div", { class: "date-field" }, h("label", { for: "search-sort" }, "Sort by"), sort),
    h(
      "fieldset",
      { class: "date-range" },
      h("legend", {}, "Added between"),
      date("search-from", "From"),
      date("search-to", "To"),
    ),
    h("p", { id: "search-dates-error", class: "field-error", role: "alert" }),
  );
}

/**
 * Runs whatever the hash asks for; called by the router on every visit.
 * @param {URLSearchParams} params
 */
export function showSearch(params) {
  current = new URLSearchParams(params);
  // Typing already shows its own text; re-setting it would move the caret.
  if (queryBox().value.trim() !== (params.get("q") ?? "")) queryBox().value = params.get("q") ?? "";
  const mode = params.get("mode") ?? "hybrid";
  modeRadios().value = mode;
  sortBox().value = params.get("sort") === "date" ? "date" : "relevance";
  fromBox().value = params.get("from") ?? "";
  toBox().value = params.get("to") ?? "";
  // A range typed into the URL is checked like one typed into the form, instead of a 400. The
  // URL's text is checked, not the inputs': a date input silently empties an impossible date.
  const problem = dateRangeProblem(params.get("from") ?? "", params.get("to") ?? "");
  el("search-dates-error").textContent = problem ?? "";
  if (problem) {
    el("search-status").textContent = problem;
    replace(el("hits"));
    replace(el("pager"));
    return;
  }
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
    const body = /** @type {SearchBody} */ (res);
    const hits = body.hits;
    pages.cursors[pages.index + 1] = body.nextCursor ?? undefined;
    const from = pages.index * PAGE_SIZE + 1;
    const q = params.get("q");
    const what = q ? ` for “${q}”` : "";
    if (hits.length) {
      el("search-status").textContent =
        `Showing documents ${from}–${from + hits.length - 1}${body.total ? ` of ${body.total}` : ""}${what}.`;
    } else replace(el("search-status"), ...noResults(params, body));
    renderFacets(body.facets, params, navigate);
    // Sorted by date, the relevance still tells how well each document matches.
    replace(
      el("hits"),
      hits.map((hit) => hitItem(hit, { ranked: Boolean(q) })),
    );
    if (hits.length && q && params.get("sort") === "date") el("search-status").append(" Newest first.");
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
    const title = titleOf(id);
    el("search-status").textContent =
      `${hits.length} document(s) similar to ${title ? `“${title}”` : "the chosen document"}.`;
    replace(
      el("hits"),
      hits.map((hit) => hitItem(hit, { ranked: true })),
    );
  } catch (err) {
    el("search-status").textContent = describeError(err);
  }
}

/**
 * "No documents" and why: the relevance floor left out weak matches (then keyword mode or other
 * words may find something), or the filters exclude everything.
 * @param {URLSearchParams} params
 * @param {SearchBody} body
 * @returns {Array<Node | string>}
 */
function noResults(params, body) {
  const q = params.get("q");
  const filtered = hasFilters(params);
  /** @type {Array<Node | string>} */
  const nodes = [
    `No documents${q ? ` match “${q}”` : filtered ? "" : " yet"}${filtered ? " with these filters" : ""}.`,
  ];
  const dropped = body.floor.dropped;
  if (q && dropped > 0) {
    nodes.push(
      ` ${dropped} weak ${dropped === 1 ? "match was" : "matches were"} left out (relevance below ${pctOf(body.floor.minRelevance)}). Try other words, or `,
    );
    const keyword = h("button", {
      type: "button",
      class: "link-button",
      text: "search for these words (keyword mode)",
    });
    keyword.addEventListener("click", () => navigate(withSearch(params, { mode: "keyword" })));
    nodes.push(keyword, ".");
  }
  if (filtered) {
    const clear = h("button", { type: "button", class: "link-button", text: "Clear all filters" });
    clear.addEventListener("click", () => navigate(withoutFilters(params)));
    nodes.push(" ", clear);
  }
  return nodes;
}

/** @param {number | null | undefined} x */
function pctOf(x) {
  return typeof x === "number" ? `${Math.round(x * 100)}%` : "the floor";
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
