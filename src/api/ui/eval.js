// Evaluation view: the latest metrics.json from GET /v1/eval/latest.

import { ApiError, api, describeError } from "./api.js";
import { bar, byId, h, pct, replace } from "./dom.js";
import { labelOf, preloadLabels, shortId } from "./labels.js";
import { calibrationChart, confusionHeatmap } from "./charts.js";
import { showChecks } from "./eval-checks.js";

let spaceListener = false;

/**
 * Loads and renders the latest evaluation (of the chosen label space) and the held-out checks;
 * called on every visit to the view.
 */
export async function showEval(withChecks = true) {
  const status = byId("eval-status");
  const body = byId("eval-body");
  const select = /** @type {HTMLSelectElement} */ (byId("eval-space"));
  if (!spaceListener) {
    select.addEventListener("change", () => showEval(false));
    spaceListener = true;
  }
  const space = select.value;
  // The checks do not depend on the label space: loaded on each visit, not on each change of space.
  if (withChecks) void showChecks();
  const query = space ? `?space=${encodeURIComponent(space)}` : "";
  status.textContent = "Loading the latest evaluation…";
  try {
    // GET /v1/eval/latest answers the eval's metrics.json as written by src/eval.
    const [report] = await Promise.all([api(`/v1/eval/latest${query}`), preloadLabels()]);
    status.textContent = "";
    render(body, /** @type {EvalMetrics} */ (report), query);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      status.textContent = "";
      replace(
        body,
        h(
          "div",
          { class: "card" },
          h("h2", {}, space ? `No evaluation of this label space yet` : "No evaluation yet"),
          h("p", {}, "Run one from the project folder, then reload this page:"),
          h("pre", {}, h("code", {}, space ? `npm run eval -- --space ${space}` : "npm run eval")),
          h(
            "p",
            { class: "hint" },
            space
              ? "It scores that label space and writes metrics.json to the eval folder (EVAL_DIR)."
              : "It cross-validates the classifier on the labelled development sets, scores the held-out checks, and writes metrics.json to the eval folder (EVAL_DIR).",
          ),
        ),
      );
    } else {
      status.textContent = describeError(err);
    }
  }
}

/**
 * @typedef {import("../../eval/types.ts").EvalReportFile} EvalMetrics
 * @param {HTMLElement} el
 * @param {EvalMetrics} m
 * @param {string} query `?space=…` of the report shown, or "".
 */
function render(el, m, query) {
  const titleOf = (/** @type {string} */ id) => m.meta?.labelTitles?.[id] ?? labelOf(id);
  const sum = m.summary;
  const meta = m.meta;
  const mode = h(
    "select",
    { id: "eval-mode" },
    h("option", { value: "suggestReview" }, "suggest + review"),
    h("option", { value: "suggest" }, "suggest only"),
  );
  const perLabelHolder = h("div", {});
  const drawPerLabel = () => replace(perLabelHolder, perLabelTable(m.perLabel ?? [], mode.value, titleOf));
  mode.addEventListener("change", drawPerLabel);
  drawPerLabel();
  replace(
    el,
    h(
      "p",
      { class: "doc-meta" },
      [
        meta.dataset && `dataset ${meta.dataset}`,
        meta.mode && `${meta.mode}${meta.folds ? ` (${meta.folds} folds)` : ""}`,
        meta.modelId && `model ${meta.modelId}`,
        meta.classifierVersion && `classifier ${meta.classifierVersion}`,
        meta.createdAt && `run ${new Date(meta.createdAt).toLocaleString()}`,
      ]
        .filter(Boolean)
        .join(" · "),
    ),
    fullReportLink(query),
    h(
      "section",
      { class: "card", "aria-labelledby": "eval-summary" },
      h("h2", { id: "eval-summary" }, "Summary"),
      h(
        "dl",
        { class: "metrics" },
        metric("Examples", String(sum.n ?? "–")),
        metric("Precision@1", pct(sum.precisionAt1, 1)),
        metric("Recall@3", pct(sum.recallAt3, 1)),
        metric("Hit@3", pct(sum.hitAt3, 1)),
        metric("Micro F1 (suggest+review)", pct(sum.microF1?.suggestReview, 1)),
        metric("Micro F1 (suggest)", pct(sum.microF1?.suggest, 1)),
        metric("Macro F1 (suggest+review)", pct(sum.macroF1?.suggestReview, 1)),
        metric("Coverage (suggest+review)", pct(sum.coverage?.suggestReview, 1)),
        metric("Brier score", num(sum.brier)),
        metric("ECE", num(sum.ece)),
      ),
    ),
    h(
      "section",
      { class: "card", "aria-labelledby": "eval-per-label" },
      h(
        "div",
        { class: "section-head" },
        h("h2", { id: "eval-per-label" }, "Per label: precision, recall, F1"),
        h("label", { class: "inline" }, "Counted as predicted: ", mode),
      ),
      perLabelHolder,
    ),
    h(
      "div",
      { class: "eval-charts" },
      h(
        "section",
        { class: "card", "aria-labelledby": "eval-confusion" },
        h("h2", { id: "eval-confusion" }, "Confusion (gold × top prediction)"),
        confusionHeatmap(m.confusion, titleOf),
      ),
      h(
        "section",
        { class: "card", "aria-labelledby": "eval-calibration" },
        h("h2", { id: "eval-calibration" }, "Calibration"),
        calibrationChart(m.calibration),
        h(
          "p",
          { class: "hint" },
          `Brier ${num(m.calibration?.brier)}, ECE ${num(m.calibration?.ece)} over ${m.calibration?.pairs ?? "–"} (text, label) pairs.`,
        ),
      ),
    ),
    h(
      "section",
      { class: "card", "aria-labelledby": "eval-lang" },
      h("h2", { id: "eval-lang" }, "Per language"),
      languageTable(m.perLanguage ?? []),
    ),
  );
}

// The server offers the eval's own full report only when it knows the eval folder; show the
// link once it is known to work.
/** @param {string} query */
function fullReportLink(query) {
  const p = h(
    "p",
    { hidden: true },
    h(
      "a",
      { href: `/ui/eval-report${query}`, target: "_blank", rel: "noopener" },
      "Open the full report (worst errors, thresholds, run facts)",
    ),
  );
  fetch(`/ui/eval-report${query}`, { method: "HEAD" }).then(
    (r) => (p.hidden = !r.ok),
    () => {},
  );
  return p;
}

/**
 * @param {string} name
 * @param {string} value
 */
function metric(name, value) {
  return h("div", { class: "metric" }, h("dt", {}, name), h("dd", {}, value));
}

/** @param {number | null | undefined} x */
function num(x) {
  return typeof x === "number" && Number.isFinite(x) ? x.toFixed(3) : "–";
}

/**
 * @param {import("../../eval/types.ts").LabelMetrics[]} rows
 * @param {string} mode which decisions count as predicted: `suggest` or `suggestReview`
 * @param {(id: string) => string} titleOf
 */
function perLabelTable(rows, mode, titleOf) {
  /** @param {import("../../eval/types.ts").LabelMetrics} r @returns {Partial<import("../../eval/types.ts").PRF>} */
  const prfOf = (r) => (mode === "suggest" ? r.suggest : mode === "suggestReview" ? r.suggestReview : undefined) ?? {};
  const sorted = [...rows].sort((a, b) => (prfOf(b).f1 ?? 0) - (prfOf(a).f1 ?? 0));
  /** @param {number | undefined} v @param {string} cls */
  const cell = (v, cls) =>
    h("td", {}, h("div", { class: "bar-cell" }, bar(v, cls), h("span", { class: "num" }, pct(v))));
  return h(
    "div",
    { class: "table-scroll" },
    h(
      "table",
      { class: "per-label" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Label"),
          h("th", { scope: "col" }, "Support"),
          h("th", { scope: "col" }, "Precision"),
          h("th", { scope: "col" }, "Recall"),
          h("th", { scope: "col" }, "F1"),
        ),
      ),
      h(
        "tbody",
        {},
        sorted.map((r) => {
          const prf = prfOf(r);
          return h(
            "tr",
            {},
            h(
              "th",
              { scope: "row", title: titleOf(r.id) },
              h("span", { class: "label-id" }, shortId(r.id)),
              " ",
              h("span", { class: "label-name" }, titleOf(r.id) === r.id ? "" : titleOf(r.id)),
            ),
            h("td", { class: "num" }, String(r.support ?? 0)),
            cell(prf.precision, "bar-p"),
            cell(prf.recall, "bar-r"),
            cell(prf.f1, "bar-f"),
          );
        }),
      ),
    ),
  );
}

/** @param {import("../../eval/types.ts").LanguageRow[]} rows */
function languageTable(rows) {
  if (!rows.length) return h("p", { class: "hint" }, "No per-language numbers in this run.");
  return h(
    "div",
    { class: "table-scroll" },
    h(
      "table",
      {},
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["Language", "Examples", "Precision@1", "Recall@3", "Hit@3", "Micro F1"].map((t) =>
            h("th", { scope: "col" }, t),
          ),
        ),
      ),
      h(
        "tbody",
        {},
        rows.map((r) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, r.language),
            h("td", { class: "num" }, String(r.n)),
            h("td", { class: "num" }, pct(r.precisionAt1, 1)),
            h("td", { class: "num" }, pct(r.recallAt3, 1)),
            h("td", { class: "num" }, pct(r.hitAt3, 1)),
            h("td", { class: "num" }, pct(r.microF1, 1)),
          ),
        ),
      ),
    ),
  );
}
