// Renders classification suggestions (scores, decision badges, evidence) and, for a stored
// document, the accept / reject / add controls that save feedback through the tags route.

import { api, describeError } from "./api.js";
import { documentHref } from "./doc-links.js";

/** @typedef {import("./api.js").Schemas} Schemas */
/** @typedef {Schemas["Suggestion"]} Suggestion */
/** @typedef {Suggestion["evidence"][number]} Evidence */
/** @typedef {{ suggestions: Suggestion[], source?: string, doc?: Schemas["DocumentDetail"], onSaved?: () => void }} RenderOptions */
/** @typedef {RenderOptions & { doc: Schemas["DocumentDetail"] }} ReviewOptions */
/** The reviewer's choices before saving: accept / reject per label, and labels to add. */
/** @typedef {{ actions: Map<string, string>, added: string[] }} ReviewState */
import { bar, h, pct, replace } from "./dom.js";
import { cleanTitle, isSubject, labelOf, loadTerms, matchesTerm, shortId } from "./labels.js";

/** @type {{ key: string, title: string, test: (s: Suggestion) => boolean }[]} */
const GROUPS = [
  { key: "targets", title: "GBF targets", test: (s) => /^GBF-TARGET-/.test(s.id) },
  { key: "goals", title: "GBF goals", test: (s) => /^GBF-GOAL-/.test(s.id) },
  { key: "subjects", title: "CBD subjects", test: (s) => s.space === "subject" },
  { key: "sdgs", title: "Sustainable Development Goals", test: (s) => s.space === "sdg" },
  { key: "other", title: "Other labels", test: () => true },
];

/**
 * Fills `el` with the suggestions of a classification.
 * @param {HTMLElement} el
 * @param {{ suggestions: Schemas["Suggestion"][], source?: string, doc?: Schemas["DocumentDetail"], onSaved?: () => void }} opts
 *   `doc` (a stored document with id and tags) turns on review controls; `source` is the
 *   classified text, used to show evidence in context.
 */
export function renderSuggestions(el, opts) {
  const shown = (opts.suggestions ?? []).filter((s) => s.decision !== "none");
  const hiddenCount = (opts.suggestions ?? []).length - shown.length;
  /** @type {ReviewState} */
  const state = { actions: new Map(), added: [] };
  const parts = [];
  if (!shown.length) {
    parts.push(h("p", { class: "empty" }, "No label scored high enough to suggest."));
  }
  const used = new Set();
  for (const g of GROUPS) {
    const items = shown.filter((s) => !used.has(s) && g.test(s));
    items.forEach((s) => used.add(s));
    if (!items.length) continue;
    const list = h(
      "ul",
      { class: "suggestions" },
      items.map((s) => suggestionItem(s, opts, state)),
    );
    if (g.key === "targets" || g.key === "goals") {
      parts.push(h("h3", { class: "group-title" }, g.title), list);
    } else {
      // Subjects and SDGs can run to dozens; GBF labels are the point of the review, so these fold.
      parts.push(
        h("details", { class: "group" }, h("summary", { class: "group-title" }, `${g.title} (${items.length})`), list),
      );
    }
  }
  if (hiddenCount > 0) {
    parts.push(h("p", { class: "hint" }, `${hiddenCount} more label(s) scored below the review threshold.`));
  }
  const given = opts.doc?.sourceTags;
  if (given && Object.values(given).some((ids) => ids.length > 0)) {
    // A harvested record's own tags, from the CHM or Bioland, beside what the classifier suggests.
    parts.unshift(
      h(
        "section",
        { class: "source-tags" },
        h("h3", { class: "group-title" }, "Tags on the source record"),
        tagChips(given),
      ),
    );
  }
  if (opts.doc) parts.push(reviewPanel(/** @type {ReviewOptions} */ (opts), state));
  replace(el, parts);
}

/**
 * @param {Suggestion} s
 * @param {RenderOptions} opts
 * @param {ReviewState} state
 */
function suggestionItem(s, opts, state) {
  const name = s.label ? cleanTitle(s.label) : labelOf(s.id);
  const row = h(
    "li",
    { class: `suggestion decision-${s.decision}`, dataset: { label: s.id } },
    h(
      "div",
      { class: "suggestion-head" },
      isSubject(s.id) ? null : h("span", { class: "label-id" }, shortId(s.id)),
      h("span", { class: "label-name" }, name === s.id ? "" : name),
      h("span", { class: `badge badge-${s.decision}` }, s.decision === "suggest" ? "suggested" : "review"),
    ),
    h(
      "div",
      { class: "score-row" },
      bar(s.score, `bar-${s.decision}`),
      h("span", { class: "score", "aria-label": `score ${pct(s.score)}` }, pct(s.score)),
    ),
    evidenceList(s.evidence ?? [], opts.source, opts.doc?.id),
  );
  if (opts.doc) row.append(actionButtons(s, state, row));
  return row;
}

/**
 * @param {Evidence[]} evidence
 * @param {string | undefined} source
 * @param {string | undefined} documentId
 */
function evidenceList(evidence, source, documentId) {
  if (!evidence.length) return null;
  const items = evidence.slice(0, 3).map((e) => {
    const where = [e.page ? `p. ${e.page}` : null, e.signal].filter(Boolean).join(" · ");
    // A stored document's evidence opens the document page at the passage, marked in place.
    const open = documentId
      ? h(
          "a",
          { class: "evidence-open", href: documentHref(documentId, { page: e.page, passage: e.text }) },
          "show in the document",
        )
      : null;
    return h("li", {}, h("span", { class: "evidence-meta" }, where), open, h("blockquote", {}, inContext(e, source)));
  });
  return h("details", { class: "evidence" }, h("summary", {}, `Evidence (${evidence.length})`), h("ol", {}, items));
}

// For pasted text the offsets point into what the user typed, so show a little context around
// the passage; for stored documents the evidence text is the passage itself.
/**
 * @param {Evidence} e
 * @param {string | undefined} source
 */
function inContext(e, source) {
  const text = e.text ?? "";
  if (source && Number.isInteger(e.start) && Number.isInteger(e.end) && source.slice(e.start, e.end) === text) {
    const before = source.slice(Math.max(0, e.start - 80), e.start);
    const after = source.slice(e.end, e.end + 80);
    return [before && `…${before}`, h("mark", {}, text), after && `${after}…`];
  }
  return [h("mark", {}, text)];
}

/**
 * @param {Suggestion} s
 * @param {ReviewState} state
 * @param {HTMLElement} row
 */
function actionButtons(s, state, row) {
  /** @param {string} action @param {string} text */
  const make = (action, text) =>
    h("button", {
      type: "button",
      class: `toggle toggle-${action}`,
      "aria-pressed": "false",
      "aria-label": `${text} ${shortId(s.id)}`,
      text,
      onclick: (/** @type {MouseEvent & { currentTarget: HTMLElement }} */ ev) => {
        const next = state.actions.get(s.id) === action ? undefined : action;
        if (next) state.actions.set(s.id, next);
        else state.actions.delete(s.id);
        for (const b of ev.currentTarget.parentElement?.querySelectorAll("button") ?? []) {
          b.setAttribute("aria-pressed", String(b.classList.contains(`toggle-${next}`)));
        }
        row.classList.toggle("is-accepted", next === "accept");
        row.classList.toggle("is-rejected", next === "reject");
      },
    });
  return h(
    "div",
    { class: "actions", role: "group", "aria-label": `Review ${shortId(s.id)}` },
    make("accept", "Accept"),
    make("reject", "Reject"),
  );
}

/**
 * @param {ReviewOptions} opts
 * @param {ReviewState} state
 */
function reviewPanel(opts, state) {
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const addedList = h("ul", { class: "chips", "aria-label": "Tags to add" });
  const filter = h("input", {
    id: "add-filter",
    type: "search",
    autocomplete: "off",
    placeholder: "e.g. T12, Target 7, invasive",
  });
  const select = h("select", { id: "add-select", size: "6" });
  const addBtn = h("button", { type: "button", class: "secondary", text: "Add tag" });
  /** @type {import("./labels.js").UiTerm[]} */
  let terms = [];
  const fillOptions = () => {
    const list = terms.filter((t) => matchesTerm(t, filter.value));
    replace(
      select,
      list.map((t) => h("option", { value: t.id }, `${shortId(t.id)} – ${t.title}`)),
    );
    if (list.length) select.selectedIndex = 0;
  };
  loadTerms("gbf-targets")
    .then((t) => {
      terms = t;
      fillOptions();
    })
    .catch((err) => (status.textContent = `Could not load the target list: ${describeError(err)}`));
  filter.addEventListener("input", fillOptions);
  const add = () => {
    const id = select.value;
    if (!id || state.added.includes(id)) return;
    state.added.push(id);
    addedList.append(h("li", { class: "chip" }, `${shortId(id)} – ${labelOf(id)}`));
    status.textContent = `${shortId(id)} will be added when you save.`;
  };
  addBtn.addEventListener("click", add);
  select.addEventListener("dblclick", add);
  select.addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter") return;
    ev.preventDefault();
    add();
  });

  const save = h("button", { type: "button", id: "save-tags", text: "Save tags" });
  save.addEventListener("click", async () => {
    const actions = [
      ...[...state.actions].map(([labelId, action]) => ({ labelId, action })),
      ...state.added.map((labelId) => ({ labelId, action: "add" })),
    ];
    if (!actions.length) {
      status.textContent = "Nothing to save yet: accept, reject or add a tag first.";
      return;
    }
    save.disabled = true;
    status.textContent = "Saving…";
    try {
      await api(`/v1/documents/${encodeURIComponent(opts.doc.id)}/tags`, { method: "POST", json: { actions } });
      status.textContent = `Saved ${actions.length} change(s).`;
      opts.onSaved?.();
    } catch (err) {
      status.textContent = describeError(err);
    } finally {
      save.disabled = false;
    }
  });

  return h(
    "section",
    { class: "review", "aria-labelledby": "review-heading" },
    h("h3", { id: "review-heading" }, "Add a GBF target"),
    h("label", { for: "add-filter" }, "Find a target"),
    filter,
    h("label", { for: "add-select", class: "visually-hidden" }, "GBF targets"),
    select,
    h("div", { class: "row" }, addBtn),
    addedList,
    h("div", { class: "row save-row" }, save),
    status,
  );
}

/** Subject chips shown before folding; GBF goals and targets (at most 27) are always all shown. */
const MAX_SUBJECT_CHIPS = 4;

/** Chips for a document's current tags ({ targets, goals, subjects, sdgs }): GBF first, in order. */
/** @param {{ targets?: string[], goals?: string[], subjects?: string[] } | null | undefined} tags */
export function tagChips(tags) {
  const gbf = [...(tags?.targets ?? []), ...(tags?.goals ?? [])].sort(byCode);
  const ids = [...gbf, ...(tags?.subjects ?? [])];
  if (!ids.length) return h("p", { class: "hint" }, "No tags yet.");
  const chip = (/** @type {string} */ id) =>
    h(
      "li",
      { class: `chip${isSubject(id) ? " chip-subject" : ""}`, title: labelOf(id) },
      isSubject(id) ? labelOf(id) : shortId(id),
    );
  const shown = gbf.length + MAX_SUBJECT_CHIPS;
  const more = ids.length - shown;
  return h(
    "ul",
    { class: "chips" },
    ids.slice(0, shown).map(chip),
    more > 0 ? h("li", { class: "chip chip-more" }, `+${more} more`) : null,
  );
}

// GBF-GOAL-* sorts after targets; numbers are zero-padded so plain string order is right.
/** @param {string} a @param {string} b */
function byCode(a, b) {
  return a.localeCompare(b);
}
