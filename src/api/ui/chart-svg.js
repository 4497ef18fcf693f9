// @ts-check
// The evaluation charts as SVG strings: the one chart implementation. Pure functions with no
// imports and no DOM, so the server-rendered eval report (src/eval) imports this very file and
// the web page loads it from /ui/chart-svg.js. Colours are presentation attributes, not style
// attributes, which the page's Content-Security-Policy would block. Every text is escaped.

/**
 * @typedef {{ precision: number, recall: number, f1: number }} Prf
 * @typedef {{ id: string, support: number, suggest: Prf }} LabelRow
 * @typedef {{ labels: string[], matrix: number[][] }} ConfusionData
 * @typedef {{ lower: number, upper: number, count: number, meanScore: number, observed: number }} CalibrationBin
 * @typedef {{ bins: CalibrationBin[], brier: number, ece: number }} CalibrationData
 * @typedef {(id: string) => string | undefined} TitleOf
 */

/** @type {Record<string, string>} */
const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for SVG/HTML element content and quoted attribute values.
 * @param {unknown} value
 * @returns {string}
 */
export function esc(value) {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * Compact label for axes: `GBF-TARGET-01` → `T1`, `GBF-GOAL-B` → `Goal B`.
 * @param {string} id
 * @returns {string}
 */
export function shortLabel(id) {
  const target = /^GBF-TARGET-0?(\d+)$/.exec(id);
  if (target) return `T${target[1]}`;
  const goal = /^GBF-GOAL-([A-Z])$/.exec(id);
  if (goal) return `Goal ${goal[1]}`;
  const sdg = /^SUSTAINABLE-DEVELOPMENT-GOAL-0?(\d+)$/.exec(id);
  if (sdg) return `SDG ${sdg[1]}`;
  return id;
}

/**
 * @param {string} id
 * @param {TitleOf | undefined} titleOf
 */
const longLabel = (id, titleOf) => {
  const title = titleOf?.(id);
  return title ? `${shortLabel(id)} — ${title}` : shortLabel(id);
};

/** @param {number} x */
const pct = (x) => `${(x * 100).toFixed(1)}%`;

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
const SERIES = /** @type {const} */ ([
  { key: "precision", name: "Precision", color: "#0072B2" },
  { key: "recall", name: "Recall", color: "#E69F00" },
  { key: "f1", name: "F1", color: "#009E73" },
]);

/**
 * @param {string} id
 * @param {number} width
 * @param {number} height
 * @param {string} title
 * @param {string} desc
 */
function svgOpen(id, width, height, title, desc) {
  return (
    `<svg class="chart chart-${id}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>`
  );
}

/**
 * Horizontal grouped bars: precision, recall and F1 (suggest decisions) per label.
 * @param {LabelRow[]} perLabel
 * @param {TitleOf} [titleOf] the label's human title, for tooltips
 * @returns {string}
 */
export function labelBars(perLabel, titleOf) {
  const [left, right, barH, gap, top, width] = [52, 30, 9, 10, 30, 440];
  const plotW = width - left - right;
  const rowH = barH * 3 + gap;
  const height = top + rowH * perLabel.length + 24;
  let out = svgOpen(
    "bars",
    width,
    height,
    "Precision, recall and F1 per label",
    "Grouped horizontal bars, suggest decisions only; each bar shows its value as text.",
  );
  SERIES.forEach((s, i) => {
    out += `<rect x="${left + i * 90}" y="6" width="12" height="12" fill="${s.color}"/><text x="${left + i * 90 + 16}" y="16" class="lg">${s.name}</text>`;
  });
  for (const t of [0, 0.5, 1]) {
    const x = left + t * plotW;
    out += `<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${height - 20}" class="grid"/><text x="${x}" y="${height - 6}" text-anchor="middle" class="ax">${t * 100}%</text>`;
  }
  perLabel.forEach((l, row) => {
    const y0 = top + row * rowH;
    out += `<g><title>${esc(longLabel(l.id, titleOf))}: precision ${pct(l.suggest.precision)}, recall ${pct(l.suggest.recall)}, F1 ${pct(l.suggest.f1)}, support ${l.support}</title>`;
    out += `<text x="${left - 6}" y="${y0 + barH * 1.5 + 4}" text-anchor="end" class="ax">${esc(shortLabel(l.id))}</text>`;
    SERIES.forEach((s, i) => {
      const v = l.suggest[s.key];
      const y = y0 + i * barH;
      out += `<rect x="${left}" y="${y}" width="${(v * plotW).toFixed(1)}" height="${barH - 1}" fill="${s.color}"/>`;
      out += `<text x="${left + v * plotW + 3}" y="${y + barH - 2}" class="val">${Math.round(v * 100)}</text>`;
    });
    out += "</g>";
  });
  return `${out}</svg>`;
}

/**
 * White → blue (#0072B2) by the share of the row.
 * @param {number} share
 */
function heatColour(share) {
  /** @param {number} a @param {number} b */
  const mix = (a, b) => Math.round(a + (b - a) * share);
  return `rgb(${mix(255, 0)},${mix(255, 114)},${mix(255, 178)})`;
}

/**
 * Gold label (rows) × top-1 predicted label (columns) heat map, shaded by row share, with counts.
 * @param {ConfusionData} confusion
 * @param {TitleOf} [titleOf] the label's human title, for tooltips
 * @returns {string}
 */
export function confusionHeatMap(confusion, titleOf) {
  const cols = [...confusion.labels, "none"];
  // Labels that were only ever predicted stay as columns but get no empty row.
  const rows = confusion.matrix
    .map((row, i) => ({ gold: confusion.labels[i] ?? "", row }))
    .filter(({ row }) => row.some((c) => c > 0));
  const [cell, left, top] = [30, 58, 58];
  const width = left + cell * cols.length + 10;
  const height = top + cell * rows.length + 10;
  let out = svgOpen(
    "confusion",
    width,
    height,
    "Confusion: gold label by top-1 predicted label",
    "Rows are gold labels, columns the top-ranked prediction (last column: nothing suggested). Each cell shows its count; shading is the share of its row.",
  );
  cols.forEach((c, j) => {
    const x = left + j * cell + cell / 2;
    out += `<text transform="translate(${x + 4},${top - 6}) rotate(-60)" class="ax">${esc(c === "none" ? "none" : shortLabel(c))}</text>`;
  });
  rows.forEach(({ gold, row }, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    const y = top + i * cell;
    out += `<text x="${left - 6}" y="${y + cell / 2 + 4}" text-anchor="end" class="ax">${esc(shortLabel(gold))}</text>`;
    row.forEach((count, j) => {
      const share = total === 0 ? 0 : count / total;
      const x = left + j * cell;
      const predicted = cols[j] ?? "none";
      const diag = predicted === gold;
      out += `<g><title>gold ${esc(longLabel(gold, titleOf))} → predicted ${esc(predicted === "none" ? "nothing" : longLabel(predicted, titleOf))}: ${count} (${pct(share)} of row)</title>`;
      out += `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${heatColour(share)}" class="${diag ? "diag" : "cell"}"/>`;
      if (count > 0)
        out += `<text x="${x + cell / 2}" y="${y + cell / 2 + 4}" text-anchor="middle" class="cnt" fill="${share > 0.5 ? "#fff" : "#111"}">${count}</text>`;
      out += "</g>";
    });
  });
  return `${out}</svg>`;
}

/**
 * Reliability curve: mean predicted score vs observed frequency per bin, with the diagonal and bin counts.
 * @param {CalibrationData} cal
 * @returns {string}
 */
export function reliabilityChart(cal) {
  const [size, left, top, histH] = [300, 44, 12, 50];
  const plot = size - left - 12;
  const height = top + plot + 34 + histH;
  /** @param {number} v */
  const px = (v) => left + v * plot;
  /** @param {number} v */
  const py = (v) => top + plot - v * plot;
  let out = svgOpen(
    "calibration",
    size,
    height,
    "Reliability curve",
    `Predicted score (x) against observed share of gold labels (y) in 10 bins; the dashed diagonal is perfect calibration. Brier ${cal.brier.toFixed(3)}, ECE ${cal.ece.toFixed(3)}. Bars below show pairs per bin.`,
  );
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    out += `<line x1="${px(0)}" y1="${py(t)}" x2="${px(1)}" y2="${py(t)}" class="grid"/><text x="${left - 4}" y="${py(t) + 4}" text-anchor="end" class="ax">${t}</text>`;
    out += `<text x="${px(t)}" y="${top + plot + 14}" text-anchor="middle" class="ax">${t}</text>`;
  }
  out += `<line x1="${px(0)}" y1="${py(0)}" x2="${px(1)}" y2="${py(1)}" class="ideal"/>`;
  const used = cal.bins.filter((b) => b.count > 0);
  out += `<polyline fill="none" stroke="#D55E00" stroke-width="2" points="${used.map((b) => `${px(b.meanScore).toFixed(1)},${py(b.observed).toFixed(1)}`).join(" ")}"/>`;
  for (const b of used) {
    out += `<circle cx="${px(b.meanScore).toFixed(1)}" cy="${py(b.observed).toFixed(1)}" r="4" fill="#D55E00"><title>scores ${b.lower.toFixed(1)}–${b.upper.toFixed(1)}: mean ${b.meanScore.toFixed(3)}, observed ${b.observed.toFixed(3)}, ${b.count} pairs</title></circle>`;
  }
  out += `<text x="${px(0.5)}" y="${top + plot + 28}" text-anchor="middle" class="ax">predicted score</text>`;
  const maxCount = Math.max(1, ...cal.bins.map((b) => b.count));
  const histTop = top + plot + 34;
  for (const b of cal.bins) {
    const h = (Math.log1p(b.count) / Math.log1p(maxCount)) * (histH - 12);
    out += `<rect x="${px(b.lower) + 1}" y="${histTop + histH - 12 - h}" width="${plot / cal.bins.length - 2}" height="${h}" fill="#999"><title>${b.count} pairs with score ${b.lower.toFixed(1)}–${b.upper.toFixed(1)}</title></rect>`;
  }
  out += `<text x="${left - 4}" y="${histTop + histH - 14}" text-anchor="end" class="ax">n (log)</text>`;
  return `${out}</svg>`;
}
