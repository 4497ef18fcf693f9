// The Filters panel's model, kept free of the DOM so it can be tested on its own.

/** facets key in the search response → query parameter name, in display order. */
export const FACETS = [
  { key: "targets", param: "target", title: "GBF targets" },
  { key: "goals", param: "goal", title: "GBF goals" },
  { key: "subjects", param: "subject", title: "Subjects" },
  { key: "countries", param: "country", title: "Countries" },
  { key: "languages", param: "language", title: "Languages" },
  { key: "types", param: "type", title: "Record types" },
];

/**
 * The facet groups to show: every value the search returned, plus every ticked value it did not
 * return (count 0). Without the latter, a filter that matches nothing would vanish from the panel
 * and could not be unticked.
 * @param {Partial<Record<string, Array<{ id: string, label?: string, count: number }>>>} facets
 * @param {URLSearchParams} params the current search (ticked filters are its facet parameters)
 */
export function facetGroups(facets, params) {
  const groups = [];
  for (const f of FACETS) {
    const chosen = params.getAll(f.param);
    const returned = facets[f.key] ?? [];
    const seen = new Set(returned.map((v) => v.id));
    const values = [
      ...returned.map((v) => ({ id: v.id, label: v.label, count: v.count, checked: chosen.includes(v.id) })),
      ...chosen.filter((id) => !seen.has(id)).map((id) => ({ id, label: undefined, count: 0, checked: true })),
    ];
    if (values.length) groups.push({ ...f, values });
  }
  return groups;
}

/**
 * How many filters the search has ticked.
 * @param {URLSearchParams} params
 */
export function countChosen(params) {
  return FACETS.reduce((n, f) => n + params.getAll(f.param).length, 0);
}

/** Query parameters that narrow the results ("clear all" removes them): the facets and the dates. */
export const FILTER_PARAMS = [...FACETS.map((f) => f.param), "from", "to"];

/**
 * The search without any filter (facets and date range), on its first page; query, mode and sort stay.
 * @param {URLSearchParams} params
 */
export function withoutFilters(params) {
  const next = new URLSearchParams(params);
  for (const p of [...FILTER_PARAMS, "page"]) next.delete(p);
  return next;
}

/**
 * The name shown for a facet value. The API labels the values it returns; a ticked value it did
 * not return has no label, so countries and record types are named here rather than shown as codes.
 * @param {string} key facet key (`countries`, `types`, …)
 * @param {string} id
 * @param {string} [label]
 */
export function facetValueName(key, id, label) {
  if (label && label !== id) return label;
  if (key === "countries") return countryName(id);
  if (key === "types") return spelledOut(id);
  return label ?? id;
}

/**
 * English name of an ISO 3166 alpha-2 code ("fr" → "France"); the code when unknown.
 * @param {string} code
 */
export function countryName(code) {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** `capacityBuildingInitiative` → "Capacity building initiative". @param {string} id */
function spelledOut(id) {
  const words = id.replace(/([a-z])([A-Z0-9])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
