// The held-out checks card of the Evaluation view: GET /v1/eval/checks, one row per labelled set
// the classifier is never trained on (genres, languages), each linking to its full report.

import { api, describeError } from "./api.js";
import { byId, h, pct, replace } from "./dom.js";

/** @typedef {import("./api.js").Schemas["EvalCheck"]} EvalCheck */

/** Loads the checks of the last full eval into `#eval-checks`; shows nothing before one has run. */
export async function showChecks() {
  const el = byId("eval-checks");
  try {
    const { checks } = /** @type {{ checks: EvalCheck[] }} */ (await api("/v1/eval/checks"));
    replace(el, checks.length ? card(checks) : "");
  } catch (err) {
    replace(el, h("p", { class: "status" }, `Held-out checks: ${describeError(err)}`));
  }
}

/** @param {EvalCheck[]} checks */
function card(checks) {
  const heads = ["Check", "Label space", "Dataset", "Examples", "P@1", "R@3", "F1", "P", "R", "Balanced", "Evidence"];
  return h(
    "section",
    { class: "card", "aria-labelledby": "eval-checks-heading" },
    h("h2", { id: "eval-checks-heading" }, "Held-out checks (genres and languages)"),
    h(
      "p",
      { class: "hint" },
      "Labelled sets the classifier is never trained on, scored by the last full ",
      h("code", {}, "npm run eval"),
      "; a label counts as predicted when its decision is ",
      h("code", {}, "suggest"),
      ". Evidence: of the suggested gold labels, the share whose first passage is the sentence the check names. The README says which of them guided tuning.",
    ),
    h(
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
            [...heads, "P@1 per language"].map((t) => h("th", { scope: "col" }, t)),
          ),
        ),
        h(
          "tbody",
          {},
          checks.map((c) =>
            h(
              "tr",
              {},
              h(
                "th",
                { scope: "row" },
                h(
                  "a",
                  { href: `/ui/eval-report?check=${encodeURIComponent(c.name)}`, target: "_blank", rel: "noopener" },
                  c.name,
                ),
              ),
              h("td", {}, c.labelSpace),
              h("td", {}, c.trainedOn ? `${c.dataset} (trained on ${c.trainedOn})` : c.dataset),
              h("td", { class: "num" }, String(c.n)),
              ...[
                c.precisionAt1,
                c.recallAt3,
                c.microF1,
                c.microPrecision,
                c.microRecall,
                c.balancedAccuracy,
                c.evidenceRate,
              ].map((v) => h("td", { class: "num" }, pct(v, 1))),
              h("td", {}, c.perLanguage.map((l) => `${l.language} ${pct(l.precisionAt1)}`).join(" · ")),
            ),
          ),
        ),
      ),
    ),
  );
}
