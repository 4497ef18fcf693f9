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
