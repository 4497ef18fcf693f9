// The document page (#/documents/<id>?page=N&passage=…): metadata, tags, suggestions with their
// evidence, the original file, the source link, and the evidence shown in place: the PDF page
// rendered with the passage highlighted, or the page text with the passage marked.

import { api, describeError, getApiKey, isAbort } from "./api.js";
import { documentHref } from "./doc-links.js";
import { byId, h, replace } from "./dom.js";
import { preloadLabels } from "./labels.js";
import { findPassage } from "./passage.js";
import { openPdf } from "./pdf-view.js";
import { renderSuggestions, tagChips } from "./review.js";

/** @typedef {import("./api.js").Schemas} Schemas */

/** @type {AbortController | undefined} */
let current;

/**
 * @param {{ id: string, page: number | null, passage: string | null }} target
 */
export async function showDocument(target) {
  current?.abort();
  const ctrl = new AbortController();
  current = ctrl;
  const status = byId("document-status");
  const body = byId("document-body");
  status.textContent = "Loading the document…";
  try {
    const path = `/v1/documents/${encodeURIComponent(target.id)}`;
    const [res] = await Promise.all([api(path, { signal: ctrl.signal }), preloadLabels()]);
    const doc = /** @type {Schemas["DocumentDetail"]} */ (res);
    if (ctrl.signal.aborted) return;
    const name = doc.title || doc.filename || "Untitled document";
    byId("document-heading").textContent = name;
    document.title = `${name} · chm-lens`;
    const viewer = h("div", { class: "doc-viewer" });
    const suggestions = h("div", { class: "doc-suggestions" });
    replace(
      body,
      h("div", { class: "card" }, metaList(doc), actions(doc)),
      h(
        "section",
        { class: "card", "aria-labelledby": "doc-view-heading" },
        h("h2", { id: "doc-view-heading" }, "The document"),
        viewer,
      ),
      h("section", { class: "card", "aria-labelledby": "doc-tags-heading" }, [
        h("h2", { id: "doc-tags-heading" }, "Tags"),
        tagChips(doc.tags),
        h("h2", {}, "Suggestions and their evidence"),
        suggestions,
      ]),
    );
    renderSuggestions(suggestions, { suggestions: doc.suggestions, doc });
    status.textContent = "";
    const page = target.page ?? firstEvidencePage(doc) ?? 1;
    await showInPlace(viewer, doc, page, target.passage, ctrl.signal);
  } catch (err) {
    if (!isAbort(err)) status.textContent = describeError(err);
  }
}

/** @param {Schemas["DocumentDetail"]} doc */
function firstEvidencePage(doc) {
  for (const s of doc.suggestions) if (s.decision === "suggest" && s.evidence[0]?.page) return s.evidence[0].page;
  return null;
}

/** @param {Schemas["DocumentDetail"]} doc */
function metaList(doc) {
  /** @type {[string, string | number | undefined][]} */
  const rows = [
    ["File", doc.filename],
    ["Type", doc.mediaType],
    ["Language", doc.language],
    ["Country", doc.country?.toUpperCase()],
    ["Record type", doc.recordType],
    ["Pages", doc.pageCount],
    ["Added", doc.createdAt.slice(0, 10)],
  ];
  return h(
    "dl",
    { class: "doc-meta-list" },
    // flatMap: h() flattens one level, so nested [dt, dd] pairs would be printed as text.
    rows.filter(([, v]) => v !== undefined && v !== "").flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))]),
  );
}

/** @param {Schemas["DocumentDetail"]} doc */
function actions(doc) {
  const file = `/v1/documents/${encodeURIComponent(doc.id)}/file`;
  const download = h("a", { class: "button", href: file, download: doc.filename ?? "" }, "Download the original file");
  // With a saved key the plain link would go out without it: fetch with the key instead.
  download.addEventListener("click", async (ev) => {
    if (!getApiKey()) return;
    ev.preventDefault();
    const url = URL.createObjectURL(new Blob([await fetchBytes(file)], { type: doc.mediaType }));
    const a = h("a", { href: url, download: doc.filename ?? "document" });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  const source = doc.source?.url ?? doc.sourceUrl;
  return h(
    "p",
    { class: "row doc-actions" },
    download,
    source ? h("a", { href: source, rel: "noopener noreferrer", class: "button secondary" }, "Source record") : null,
    h("a", { href: `#/search?similar=${encodeURIComponent(doc.id)}`, class: "button secondary" }, "Similar documents"),
  );
}

/**
 * @param {string} path
 * @param {AbortSignal} [signal]
 */
async function fetchBytes(path, signal) {
  const key = getApiKey();
  const res = await fetch(path, { headers: key ? { Authorization: `Bearer ${key}` } : {}, signal });
  if (!res.ok) throw new Error(`The file could not be loaded (${res.status}).`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * @param {HTMLElement} el
 * @param {Schemas["DocumentDetail"]} doc
 * @param {number} page
 * @param {string | null} passage
 * @param {AbortSignal} signal
 */
async function showInPlace(el, doc, page, passage, signal) {
  const note = h("p", { class: "hint", role: "status" });
  if (doc.mediaType !== "application/pdf") {
    const text = /** @type {Schemas["DocumentText"]} */ (
      await api(`/v1/documents/${encodeURIComponent(doc.id)}/text`, { signal })
    );
    replace(
      el,
      note,
      text.pages.map((p) => pageText(p, p.page === page ? passage : null)),
    );
    const mark = el.querySelector("mark.passage-hl") ?? el.querySelector(`[data-page="${page}"]`);
    mark?.scrollIntoView({ block: "center" });
    note.textContent = passage && !el.querySelector("mark.passage-hl") ? "The passage was not found on this page." : "";
    return;
  }
  const pdf = await openPdf(await fetchBytes(`/v1/documents/${encodeURIComponent(doc.id)}/file`, signal));
  const at = Math.min(Math.max(1, page), pdf.pageCount);
  const canvas = h("div", { class: "pdf-host" });
  const nav = h(
    "nav",
    { class: "row pdf-nav", "aria-label": "Pages" },
    h(
      "a",
      { class: "button secondary", href: documentHref(doc.id, { page: at - 1 }), hidden: at <= 1 },
      "Previous page",
    ),
    h("span", { class: "page-no" }, `Page ${at} of ${pdf.pageCount}`),
    h(
      "a",
      { class: "button secondary", href: documentHref(doc.id, { page: at + 1 }), hidden: at >= pdf.pageCount },
      "Next page",
    ),
  );
  replace(el, nav, note, canvas);
  const found = await pdf.render(canvas, at, passage);
  note.textContent = passage
    ? found
      ? "The evidence passage is highlighted."
      : "The passage was not found on this page."
    : "";
}

/**
 * @param {{ page: number, text: string }} p
 * @param {string | null} passage
 */
function pageText(p, passage) {
  const hit = passage ? findPassage(p.text, passage) : null;
  const content = hit
    ? [
        p.text.slice(0, hit.start),
        h("mark", { class: "passage-hl" }, p.text.slice(hit.start, hit.end)),
        p.text.slice(hit.end),
      ]
    : [p.text];
  return h(
    "section",
    { class: "doc-page", dataset: { page: String(p.page) }, "aria-label": `Page ${p.page}` },
    h("h3", {}, `Page ${p.page}`),
    h("div", { class: "doc-text" }, content),
  );
}
