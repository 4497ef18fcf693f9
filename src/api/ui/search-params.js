// What the Search view keeps in its URL besides the query: sort order and date range. Pure, so
// the rules are tested without a browser.

/** The sort orders the API offers, as the page names them. */
export const SORTS = [
  { value: "relevance", label: "Relevance" },
  { value: "date", label: "Newest first" },
];

/**
 * True for a YYYY-MM-DD date that exists on the calendar (2024-02-30 does not).
 * @param {string} value
 */
export function isCalendarDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(/** @type {number} */ (y), /** @type {number} */ (mo) - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() + 1 === mo && date.getUTCDate() === d;
}

/**
 * What is wrong with a date range, or null when it can be searched. Empty ends are open.
 * @param {string} from
 * @param {string} to
 * @returns {string | null}
 */
export function dateRangeProblem(from, to) {
  for (const [name, v] of [
    ["From", from],
    ["To", to],
  ]) {
    if (v && !isCalendarDate(/** @type {string} */ (v))) return `${name} date “${v}” is not a date (YYYY-MM-DD).`;
  }
  if (from && to && from > to) return `The From date (${from}) is after the To date (${to}).`;
  return null;
}

/**
 * The search parameters with a new query, sort or date range: the result page starts again at 1,
 * and defaults are left out of the URL.
 * @param {URLSearchParams} params
 * @param {{ q?: string, sort?: string, from?: string, to?: string, mode?: string }} changes
 */
export function withSearch(params, changes) {
  const next = new URLSearchParams(params);
  next.delete("page");
  next.delete("similar");
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === "" || (key === "sort" && value === "relevance")) next.delete(key);
    else next.set(key, value);
  }
  return next;
}
