// Review view (Secretariat): the queue of documents with pending suggestions, filtered by country,
// label and confidence, bulk accept / reject across documents, the accept rate per label (where
// the classifier is weak) and who reviewed what and when.

import { api, describeError } from "./api.js";
import { bar, byId, h, pct, replace } from "./dom.js";
import { cleanTitle, isSubject, labelOf, loadTerms, preloadLabels, shortId } from "./labels.js";
import { loadSubmitOptions } from "./submit-options.js";

/** @typedef {import("./api.js").Schemas} Schemas */

/** @type {AbortController | null} */
let inflight = null;

/**
 * Shows the Review view for the filters in the hash (`#/review?country=fr&label=…&min=50&max=100`).
 * @param {URLSearchParams} params
 */
export async function showReview(params) {
  const body = byId("review-body");
  const status = byId("review-status");
  inflight?.abort();
  inflight = new AbortController();
  const signal = inflight.signal;
  const form = await filterForm(params);
  const queue = h("div", { id: "review-queue" });
  const side = h("div", { class: "review-side" });
  replace(body, form, queue, side);
  status.textContent = "Loading the review queue…";
  try {
    await preloadLabels();
    // After a bulk decision the rates and the history change too.
    const refreshSide = () => renderSide(side, signal);
    await loadPage(queue, status, params, undefined, signal, refreshSide);
    await refreshSide();
  } catch (err) {
    if (!signal.aborted) status.textContent = describeError(err);
  }
}

/** @param {URLSearchParams} params */
async function filterForm(params) {
  const options = await loadSubmitOptions().catch(() => ({ countries: [], recordTypes: [] }));
  const targets = await loadTerms("gbf-targets").catch(() => []);
  const subjects = await loadTerms("cbd-subjects").catch(() => []);
  const country = h(
    "select",
    { id: "rq-country", name: "country" },
    h("option", { value: "" }, "Any country"),
    options.countries.map((c) => h("option", { value: c.code, selected: c.code === params.get("country") }, c.name)),
  );
  const label = h(
    "select",
    { id: "rq-label", name: "label" },
    h("option", { value: "" }, "Any label"),
    h(
      "optgroup",
      { label: "GBF targets" },
      targets.map((t) =>
        h("option", { value: t.id, selected: t.id === params.get("label") }, `${shortId(t.id)} ${cleanTitle(t.title)}`),
      ),
    ),
    h(
      "optgroup",
      { label: "CBD subjects" },
      subjects.map((t) => h("option", { value: t.id, selected: t.id === params.get("label") }, cleanTitle(t.title))),
    ),
  );
  /** @param {string} id @param {string} name @param {string} value */
  const num = (id, name, value) =>
    h("input", { id, name, type: "number", min: "0", max: "100", step: "5", inputmode: "numeric", value });
  const form = h(
    "form",
    { class: "card review-filters", "aria-label": "Queue filters" },
    h("div", {}, h("label", { for: "rq-country" }, "Country"), country),
    h("div", {}, h("label", { for: "rq-label" }, "Target or subject"), label),
    h("div", {}, h("label", { for: "rq-min" }, "Confidence from (%)"), num("rq-min", "min", params.get("min") ?? "0")),
    h("div", {}, h("label", { for: "rq-max" }, "to (%)"), num("rq-max", "max", params.get("max") ?? "100")),
    h("button", { type: "submit" }, "Apply filters"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    for (const [k, v] of data)
      if (String(v) && !(k === "min" && v === "0") && !(k === "max" && v === "100")) next.set(k, String(v));
    location.hash = `#/review${next.size ? `?${next}` : ""}`;
  });
  return form;
}

/**
 * Loads one page of the queue (after `cursor`) into `el`, with the bulk controls.
 * @param {HTMLElement} el
 * @param {HTMLElement} status
 * @param {URLSearchParams} params
 * @param {string | undefined} cursor
 * @param {AbortSignal} signal
 * @param {() => Promise<void>} afterDecision
 */
async function loadPage(el, status, params, cursor, signal, afterDecision) {
  const q = new URLSearchParams({ limit: "20" });
  if (params.get("country")) q.set("country", params.get("country") ?? "");
  if (params.get("label")) q.set("label", params.get("label") ?? "");
  if (params.get("min")) q.set("minScore", String(Number(params.get("min")) / 100));
  if (params.get("max")) q.set("maxScore", String(Number(params.get("max")) / 100));
  if (cursor) q.set("cursor", cursor);
  const page = /** @type {Schemas["ReviewQueue"]} */ (await api(`/v1/review/queue?${q}`, { signal }));
  const n = page.items.reduce((sum, it) => sum + it.pending.length, 0);
  status.textContent = page.items.length
    ? `${page.items.length} document(s) with ${n} pending suggestion(s) on this page.`
    : "Nothing waits for review with these filters.";
  const list = h("ol", { class: "queue" }, page.items.map(queueItem));
  const result = h("p", { id: "bulk-status", class: "status", role: "status", "aria-live": "polite" });
  /** @param {"accept" | "reject"} decision */
  const decide = (decision) => async () => {
    const boxes = /** @type {HTMLInputElement[]} */ ([...list.querySelectorAll("input[type=checkbox]:checked")]);
    if (!boxes.length) {
      result.textContent = "Tick the suggestions to decide on first.";
      return;
    }
    const items = boxes.map((b) => ({ documentId: b.dataset.doc ?? "", labelId: b.dataset.label ?? "", decision }));
    result.textContent = "Saving…";
    try {
      const res = /** @type {Schemas["BulkReviewResult"]} */ (
        await api("/v1/review/bulk", { method: "POST", json: { items } })
      );
      result.textContent = `${decision === "accept" ? "Accepted" : "Rejected"} ${res.applied} suggestion(s).`;
    } catch (err) {
      result.textContent = describeError(err);
    }
    const keep = result.textContent;
    await loadPage(el, status, params, cursor, signal, afterDecision);
    await afterDecision();
    byId("bulk-status").textContent = keep;
    byId("review-heading").focus();
  };
  const selectAll = h("input", {
    type: "checkbox",
    id: "rq-all",
    onchange: (/** @type {Event} */ ev) => {
      const on = /** @type {HTMLInputElement} */ (ev.currentTarget).checked;
      for (const b of list.querySelectorAll("input[type=checkbox]")) /** @type {HTMLInputElement} */ (b).checked = on;
    },
  });
  replace(
    el,
    page.items.length
      ? h(
          "div",
          { class: "bulk-bar", role: "group", "aria-label": "Bulk decision" },
          h("label", {}, selectAll, " Select all on this page"),
          h("button", { type: "button", id: "bulk-accept", onclick: decide("accept") }, "Accept selected"),
          h(
            "button",
            { type: "button", id: "bulk-reject", class: "secondary", onclick: decide("reject") },
            "Reject selected",
          ),
        )
      : null,
    result,
    list,
    page.nextCursor
      ? h("button", {
          type: "button",
          class: "secondary",
          text: "Next documents",
          onclick: () => loadPage(el, status, params, page.nextCursor ?? undefined, signal, afterDecision),
        })
      : null,
  );
}

/** @param {Schemas["ReviewQueue"]["items"][number]} item */
function queueItem(item) {
  const meta = [item.country?.toUpperCase(), item.recordType, item.createdAt.slice(0, 10)].filter(Boolean).join(" · ");
  return h(
    "li",
    { class: "card queue-item", dataset: { doc: item.documentId } },
    h("h2", {}, h("a", { href: `#/documents/${encodeURIComponent(item.documentId)}` }, item.title || item.documentId)),
    h("p", { class: "doc-meta" }, meta),
    h(
      "ul",
      { class: "pending" },
      item.pending.map((p) => {
        const id = `rq-${item.documentId}-${p.labelId}`.replace(/[^A-Za-z0-9_-]/g, "_");
        const name = cleanTitle(p.label) || labelOf(p.labelId);
        const ev = p.evidence[0];
        return h(
          "li",
          { class: `pending-item decision-${p.decision}` },
          h("input", { type: "checkbox", id, dataset: { doc: item.documentId, label: p.labelId } }),
          h("label", { for: id }, `${p.space === "subject" ? "" : `${shortId(p.labelId)} `}${name}`),
          h("span", { class: "score", "aria-label": `score ${pct(p.score)}` }, pct(p.score)),
          ev
            ? h("blockquote", { class: "evidence-line" }, ev.page ? `p. ${ev.page}: ` : "", h("mark", {}, ev.text))
            : null,
        );
      }),
    ),
  );
}

/**
 * "T3 Title" for GBF labels, the name alone for subjects (their ids say little).
 * @param {string} id
 * @param {string} label
 */
function named(id, label) {
  return isSubject(id) ? cleanTitle(label) : `${shortId(id)} ${cleanTitle(label)}`;
}

/** Per-label accept rates and the latest decisions. @param {HTMLElement} el @param {AbortSignal} signal */
async function renderSide(el, signal) {
  const [stats, history] = await Promise.all([
    /** @type {Promise<Schemas["ReviewStats"]>} */ (api("/v1/review/stats", { signal })),
    /** @type {Promise<Schemas["ReviewHistory"]>} */ (api("/v1/review/history?limit=20", { signal })),
  ]);
  const rate = (/** @type {number | null} */ r) => (r === null ? "–" : pct(r));
  replace(
    el,
    h("h2", { id: "review-stats-heading" }, "Accept rate per label"),
    h("p", { class: "hint" }, `${stats.decisions} decision(s). Low rates show where the classifier is weak.`),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        { id: "review-stats", "aria-labelledby": "review-stats-heading" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["Label", "Accepted", "Rejected", "Added", "Accept rate"].map((t) => h("th", { scope: "col" }, t)),
          ),
        ),
        h(
          "tbody",
          {},
          stats.labels.map((l) =>
            h(
              "tr",
              { dataset: { label: l.labelId } },
              h("th", { scope: "row" }, named(l.labelId, l.label)),
              h("td", {}, String(l.accepted)),
              h("td", {}, String(l.rejected)),
              h("td", {}, String(l.added)),
              h("td", {}, bar(l.acceptRate ?? 0), " ", rate(l.acceptRate)),
            ),
          ),
        ),
      ),
    ),
    h("h2", { id: "review-history-heading" }, "Latest decisions"),
    h(
      "ol",
      { id: "review-history", class: "history", "aria-labelledby": "review-history-heading" },
      history.entries.map((e) =>
        h(
          "li",
          {},
          h("time", { datetime: e.createdAt }, e.createdAt.slice(0, 16).replace("T", " ")),
          ` ${e.user} ${e.action === "reject" ? "rejected" : e.action === "add" ? "added" : "accepted"} `,
          h("strong", {}, named(e.labelId, e.label)),
          ` on ${e.title ?? e.documentId}`,
        ),
      ),
    ),
  );
}
