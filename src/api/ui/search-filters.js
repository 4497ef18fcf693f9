// The Search view's Filters panel: facet groups (OR within a group, AND across groups), names
// instead of codes, and "Clear all filters".

import { countChosen, FACETS, facetGroups, facetValueName, withoutFilters } from "./facets.js";
import { byId, h, replace } from "./dom.js";
import { cleanTitle, labelOf, shortId } from "./labels.js";

/** @typedef {import("./api.js").Schemas} Schemas */

const el = byId;

/** @param {URLSearchParams} params */
export function hasFilters(params) {
  return FACETS.some((f) => params.getAll(f.param).length) || Boolean(params.get("from") || params.get("to"));
}

/**
 * Draws the Filters panel: one group per facet, ticked values kept even at count 0, "Clear all".
 * @param {Schemas["SearchResult"]["facets"]} facets
 * @param {URLSearchParams} params
 * @param {(next: URLSearchParams) => void} navigate opens a search (the view's hash)
 */
export function renderFacets(facets, params, navigate) {
  const groups = facetGroups(facets, params).map((f) => {
    const chosen = new Set(params.getAll(f.param));
    const boxes = f.values.map((v) => {
      const id = `facet-${f.param}-${v.id}`.replace(/[^\w-]/g, "_");
      const named = facetValueName(f.key, v.id, v.label);
      const name = named !== v.id ? cleanTitle(named) : labelOf(v.id);
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
  const hint = h("p", { class: "hint" }, "Within a group any ticked value matches; across groups, all must.");
  /** @type {HTMLElement | null} */
  let clear = null;
  if (hasFilters(params)) {
    clear = h("button", { type: "button", class: "secondary clear-filters", text: "Clear all filters" });
    clear.addEventListener("click", () => navigate(withoutFilters(params)));
  }
  replace(el("facets"), groups.length ? h("details", { open }, summary, clear, hint, ...groups) : clear);
  if (focused) document.getElementById(focused)?.focus();
}
