// Entry point: hash router between the three views and the API key setting.

import { getApiKey, setApiKey } from "./api.js";
import { linkHits, parseDocumentHash } from "./doc-links.js";
import { showDocument } from "./document.js";
import { byId } from "./dom.js";
import { showCoverage } from "./coverage.js";
import { showEval } from "./eval.js";
import { showMine } from "./mine.js";
import { showReview } from "./review-queue.js";
import { initSearch, showSearch } from "./search.js";
import { watchReadiness } from "./ready-banner.js";
import { initSubmit } from "./submit.js";

const VIEWS = ["submit", "search", "coverage", "eval", "document", "review", "mine"];

function route() {
  const [path, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  // A document has its own URL: #/documents/<id>?page=N (or …#page=N), opened by the document page.
  const doc = parseDocumentHash(location.hash);
  const view = doc ? "document" : VIEWS.includes(path) && path !== "document" ? path : "submit";
  for (const v of VIEWS) {
    byId(`view-${v}`).hidden = v !== view;
    const tab = document.querySelector(`.tabs a[data-view="${v}"]`);
    if (v === view) tab?.setAttribute("aria-current", "page");
    else tab?.removeAttribute("aria-current");
  }
  document.title = `${{ submit: "Submit", search: "Search", coverage: "Coverage", eval: "Evaluation", document: "Document", review: "Review", mine: "My documents" }[view]} · chm-lens`;
  if (view === "search") showSearch(new URLSearchParams(query));
  if (view === "coverage") showCoverage(new URLSearchParams(query));
  if (view === "eval") showEval();
  if (view === "review") showReview(new URLSearchParams(query));
  if (view === "mine") showMine();
  if (doc) showDocument(doc);
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
linkHits(byId("hits"));
watchReadiness();
let previous = route();
window.addEventListener("hashchange", () => {
  const view = route();
  // Moving to another view puts keyboard focus on its heading, like a page load would.
  if (view !== previous) document.getElementById(`${view}-heading`)?.focus();
  previous = view;
});
