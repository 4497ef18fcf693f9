// @ts-check
// The Evaluation view's charts as DOM nodes. The drawing is chart-svg.js, the very file the
// server-rendered eval report (src/eval) imports, so the page and the report cannot drift apart.

import { confusionHeatMap, reliabilityChart as reliabilitySvg } from "./chart-svg.js";
import { h } from "./dom.js";

/**
 * An SVG string of chart-svg.js as an element. Parsed in HTML context (a template), where `<svg>`
 * gets the SVG namespace; the builders escape every text, so no markup can come from the data.
 * @param {string} markup
 * @returns {Element}
 */
function svgElement(markup) {
  const t = document.createElement("template");
  t.innerHTML = markup;
  const el = t.content.firstElementChild;
  if (!el) throw new Error("chart markup is empty");
  return el;
}

/**
 * Confusion heat map: rows are gold labels, columns the top-1 prediction (+ "none").
 * Colour is the share of the row, so rare labels are as readable as common ones.
 * @param {import("./chart-svg.js").ConfusionData | undefined} confusion
 * @param {(id: string) => string | undefined} titleOf
 * @returns {HTMLElement}
 */
export function confusionHeatmap(confusion, titleOf) {
  const svg = svgElement(confusionHeatMap(confusion ?? { labels: [], matrix: [] }, titleOf));
  return h("div", { class: "chart-scroll" }, svg);
}

/**
 * Reliability diagram: mean score per bin against the observed share of gold labels.
 * @param {import("./chart-svg.js").CalibrationData | undefined} calibration
 * @returns {Element}
 */
export function calibrationChart(calibration) {
  return svgElement(reliabilitySvg(calibration ?? { bins: [], brier: 0, ece: 0 }));
}
