// Entry point: hash router between the three views and the API key setting.

import { getApiKey, setApiKey } from "./api.js";
import { byId } from "./dom.js";
import { showCoverage } from "./coverage.js";
import { showEval } from "./eval.js";
import { initSearch, showSearch } from "./search.js";
import { initSubmit } from "./submit.js";

const VIEWS = ["submit", "search", "coverage", "eval"];

function route() {
  const [path, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const view = VIEWS.includes(path) ? path : "submit";
  for (const v of VIEWS) {
    byId(`view-${v}`).hidden = v !== view;
    const tab = document.querySelector(`.tabs a[data-view="${v}"]`);
    if (v === view) tab?.setAttribute("aria-current", "page");
    else tab?.removeAttribute("aria-current");
  }
  document.title = `${{ submit: "Submit", search: "Search", coverage: "Coverage", eval: "Evaluation" }[view]} · chm-lens`;
  if (view === "search") showSearch(new URLSearchParams(query));
  if (view === "coverage") showCoverage(new URLSearchParams(query));
  if (view === "eval") showEval();
  return view;
}

function initKeyForm() {
  const form = byId("key-form");
  /** @type {HTMLInputElement} */
  const input = byId("api-key");
  const status = byId("key-status");
  input.value = getApiKey();
  status.textContent = input.value ? "A key is saved in this browser." : "No key saved: read-only access.";
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    setApiKey(input.value.trim());
    status.textContent = input.value.trim() ? "Key saved in this browser." : "Key cleared.";
  });
  byId("key-clear").addEventListener("click", () => {
    input.value = "";
    setApiKey("");
    status.textContent = "Key forgotten.";
  });
}

initKeyForm();
initSubmit();
initSearch();
let previous = route();
window.addEventListener("hashchange", () => {
  const view = route();
  // Moving to another view puts keyboard focus on its heading, like a page load would.
  if (view !== previous) document.getElementById(`${view}-heading`)?.focus();
  previous = view;
});
