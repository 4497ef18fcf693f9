// Submit view: upload a file (or paste text), follow the ingest job, show suggestions.

import { api, describeError, isAbort } from "./api.js";

/** @typedef {import("./api.js").Schemas} Schemas */
import { byId, debounce, h, replace, sleep } from "./dom.js";
import { preloadLabels } from "./labels.js";
import { isMatchable, matchesPanel } from "./matches.js";
import { renderSuggestions, tagChips } from "./review.js";
import { countryCode, loadSubmitOptions } from "./submit-options.js";

const POLL_MS = 700;
const STATE_TEXT = {
  queued: "Queued: waiting for the worker…",
  running: "Extracting, embedding and classifying…",
  done: "Done.",
  failed: "Failed.",
};

/** Wires the Submit view once. */
export function initSubmit() {
  /** @type {HTMLFormElement} */
  const form = byId("upload-form");
  const status = byId("up-status");
  const progress = byId("up-progress");
  const result = byId("result");
  /** @type {HTMLButtonElement} */
  const button = byId("up-submit");
  /** @type {HTMLInputElement} */
  const fileInput = byId("up-file");
  /** @param {string} name */
  const field = (name) => /** @type {HTMLInputElement | HTMLSelectElement} */ (form.elements.namedItem(name));
  /** @type {AbortController | null} */
  let current = null;
  /** @type {Schemas["SubmitOptions"]["countries"]} */
  let countryList = [];
  loadSubmitOptions()
    .then((options) => {
      countryList = options.countries;
      fillOptions(options);
    })
    .catch(() => {
      // Without the lists the form still takes ISO codes and the hard-coded record types.
    });

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const file = fileInput.files?.[0];
    if (!file) {
      status.textContent = "Choose a file to upload first.";
      fileInput.focus();
      return;
    }
    current?.abort();
    current = new AbortController();
    const signal = current.signal;
    const data = new FormData();
    data.append("file", file, file.name);
    for (const name of ["title", "country", "recordType", "language"]) {
      let v = field(name).value.trim();
      // A name picked from the list becomes its ISO code; anything else goes as typed (the API checks it).
      if (name === "country") v = countryCode(v, countryList);
      if (v) data.append(name, v);
    }
    button.disabled = true;
    progress.hidden = false;
    status.textContent = `Uploading ${file.name}…`;
    try {
      const accepted = /** @type {Schemas["UploadAccepted"]} */ (
        await api("/v1/documents", { method: "POST", form: data, signal })
      );
      const jobId = accepted.jobId;
      const job = await followJob(jobId, status, signal);
      if (!job.documentId) throw new Error("The job finished without a document.");
      await showDocument(job.documentId, result, signal);
      status.textContent = `Classified “${file.name}”.`;
      button.disabled = false;
      // The disabled button lost focus; move it to the result so keyboard and screen-reader
      // users land on what just appeared instead of at the top of the page.
      document.getElementById("doc-title")?.focus();
    } catch (err) {
      if (!isAbort(err)) {
        status.textContent = describeError(err);
        button.disabled = false;
        button.focus();
      }
    } finally {
      button.disabled = false;
      progress.hidden = true;
    }
  });

  initPaste(result);
}

/**
 * Country names into the datalist, the CHM record types into the select (keeping the choice).
 * @param {Schemas["SubmitOptions"]} options
 */
function fillOptions(options) {
  replace(
    byId("country-names"),
    options.countries.map((c) => h("option", { value: c.name, label: c.code.toUpperCase() })),
  );
  /** @type {HTMLSelectElement} */
  const type = byId("up-type");
  const chosen = type.value;
  replace(
    type,
    h("option", { value: "" }, "Not specified"),
    options.recordTypes.map((t) => h("option", { value: t.id, selected: t.id === chosen }, t.name)),
  );
}

/**
 * Polls a job until it is done (returns it) or failed (throws with its message).
 * @param {string} jobId
 * @param {HTMLElement} status
 * @param {AbortSignal} signal
 */
async function followJob(jobId, status, signal) {
  for (;;) {
    const job = /** @type {Schemas["Job"]} */ (await api(`/v1/jobs/${encodeURIComponent(jobId)}`, { signal }));
    const attempt = job.attempts > 1 ? ` (attempt ${job.attempts})` : "";
    status.textContent = `${STATE_TEXT[job.state] ?? job.state}${attempt}`;
    if (job.state === "done") return job;
    if (job.state === "failed") {
      const why = job.error?.message ?? "the worker could not process this file";
      throw new Error(`Processing failed: ${why}`);
    }
    await sleep(POLL_MS, signal);
  }
}

/**
 * Fetches a stored document and renders its metadata, tags and suggestions into `el`.
 * @param {string} id
 * @param {HTMLElement} el
 * @param {AbortSignal} [signal]
 */
export async function showDocument(id, el, signal) {
  const [body] = await Promise.all([api(`/v1/documents/${encodeURIComponent(id)}`, { signal }), preloadLabels()]);
  const doc = /** @type {Schemas["DocumentDetail"]} */ (body);
  const meta = [
    doc.language && `language ${doc.language}`,
    doc.pageCount && `${doc.pageCount} page(s)`,
    doc.chunkCount && `${doc.chunkCount} passage(s)`,
    doc.country && `country ${doc.country}`,
  ].filter(Boolean);
  const list = h("div", { class: "suggestion-list" });
  const tags = h("div", { class: "current-tags" }, tagChips(doc.tags));
  replace(
    el,
    h("h2", { id: "doc-title", tabindex: "-1" }, doc.title || doc.filename || "Untitled document"),
    h("p", { class: "doc-meta" }, meta.join(" · ")),
    doc.needsOcrPages.length
      ? h("p", { class: "warning" }, `Pages without readable text: ${doc.needsOcrPages.join(", ")}.`)
      : null,
    h("h3", {}, "Current tags"),
    tags,
    h("h3", {}, "Suggestions"),
    list,
    isMatchable(doc.recordType) ? matchesPanel(id) : null,
  );
  el.hidden = false;
  renderSuggestions(list, {
    suggestions: doc.suggestions,
    doc,
    onSaved: async () => {
      const fresh = /** @type {Schemas["DocumentDetail"]} */ (await api(`/v1/documents/${encodeURIComponent(id)}`));
      replace(tags, tagChips(fresh.tags));
    },
  });
}

/** @param {HTMLElement} result */
function initPaste(result) {
  /** @type {HTMLTextAreaElement} */
  const area = byId("paste-text");
  const status = byId("paste-status");
  /** @type {AbortController | null} */
  let inflight = null;
  const run = debounce(async () => {
    const text = area.value.trim();
    inflight?.abort();
    if (text.length < 20) {
      status.textContent = text ? "Keep typing: at least a sentence is needed." : "";
      return;
    }
    inflight = new AbortController();
    status.textContent = "Classifying…";
    try {
      const [body] = await Promise.all([
        api("/v1/classify", { method: "POST", json: { text: area.value }, signal: inflight.signal }),
        preloadLabels(),
      ]);
      const { suggestions } = /** @type {Schemas["Classification"]} */ (body);
      const shown = suggestions.filter((s) => s.decision !== "none").length;
      status.textContent = `${shown} suggestion(s) for the pasted text.`;
      const list = h("div", { class: "suggestion-list" });
      replace(result, h("h2", {}, "Suggestions for the pasted text"), list);
      result.hidden = false;
      renderSuggestions(list, { suggestions, source: area.value });
    } catch (err) {
      if (!isAbort(err)) status.textContent = describeError(err);
    }
  }, 600);
  area.addEventListener("input", run);
}
