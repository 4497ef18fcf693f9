// SVG charts for the Evaluation view, drawn from metrics.json (see src/eval/types.ts).

import { h, s } from "./dom.js";
import { shortId } from "./labels.js";

/**
 * Confusion heat map: rows are gold labels, columns the top-1 prediction (+ "none").
 * Colour is the share of the row, so rare labels are as readable as common ones.
 */
export function confusionHeatmap(confusion, titleOf) {
  const labels = confusion?.labels ?? [];
  const matrix = confusion?.matrix ?? [];
  const cols = [...labels.map(shortId), "none"];
  const cell = 22;
  const left = 64;
  const top = 52;
  const width = left + cols.length * cell + 4;
  const height = top + labels.length * cell + 4;
  const svg = s("svg", {
    viewBox: `0 0 ${width} ${height}`,
    class: "chart heatmap",
    role: "img",
    "aria-label": `Confusion matrix of ${labels.length} labels: rows are gold labels, columns the top prediction.`,
  });
  svg.style.minWidth = `${Math.min(width, 560)}px`;
  svg.style.maxWidth = `${width * 1.6}px`;
  cols.forEach((c, j) => {
    const x = left + j * cell + cell / 2;
    svg.append(s("text", { x, y: top - 6, class: "axis-label", transform: `rotate(-60 ${x} ${top - 6})` }, c));
  });
  labels.forEach((gold, i) => {
    const row = matrix[i] ?? [];
    const total = row.reduce((a, b) => a + b, 0) || 1;
    const y = top + i * cell;
    svg.append(
      s("text", { x: left - 6, y: y + cell / 2 + 4, class: "axis-label", "text-anchor": "end" }, shortId(gold)),
    );
    row.forEach((count, j) => {
      const share = count / total;
      const g = s("g", {});
      const predicted = j < labels.length ? labels[j] : "no prediction";
      g.append(
        s("rect", {
          x: left + j * cell,
          y,
          width: cell - 1,
          height: cell - 1,
          fill: heat(share),
          class: j === i ? "diag" : "",
        }),
        s(
          "title",
          {},
          `gold ${titleOf(gold)} → predicted ${j < labels.length ? titleOf(predicted) : predicted}: ${count} (${Math.round(share * 100)}% of row)`,
        ),
      );
      if (count > 0) {
        g.append(
          s(
            "text",
            {
              x: left + j * cell + cell / 2,
              y: y + cell / 2 + 3.5,
              class: share > 0.55 ? "cell-text light" : "cell-text",
              "text-anchor": "middle",
            },
            String(count),
          ),
        );
      }
      svg.append(g);
    });
  });
  return h("div", { class: "chart-scroll" }, svg);
}

// White → deep blue; the ramp stays readable in print and for red-green colour blindness.
function heat(share) {
  const t = Math.max(0, Math.min(1, share));
  const r = Math.round(255 - t * (255 - 23));
  const g = Math.round(255 - t * (255 - 76));
  const b = Math.round(255 - t * (255 - 150));
  return `rgb(${r},${g},${b})`;
}

/** Reliability diagram: mean score per bin against the observed share of gold labels. */
export function calibrationChart(calibration) {
  const bins = (calibration?.bins ?? []).filter((b) => b.count > 0);
  const size = 260;
  const pad = 40;
  const x = (v) => pad + v * size;
  const y = (v) => pad / 2 + (1 - v) * size;
  const svg = s("svg", {
    viewBox: `0 0 ${size + pad * 1.5} ${size + pad * 1.75}`,
    class: "chart calibration",
    role: "img",
    "aria-label": `Calibration curve over ${bins.length} score bins; the dashed diagonal is perfect calibration.`,
  });
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    svg.append(
      s("line", { x1: x(0), x2: x(1), y1: y(t), y2: y(t), class: "grid" }),
      s("text", { x: x(0) - 6, y: y(t) + 4, class: "axis-label", "text-anchor": "end" }, t.toFixed(2)),
      s("text", { x: x(t), y: y(0) + 16, class: "axis-label", "text-anchor": "middle" }, t.toFixed(2)),
    );
  }
  svg.append(s("line", { x1: x(0), y1: y(0), x2: x(1), y2: y(1), class: "diagonal" }));
  if (bins.length) {
    const pts = bins.map((b) => `${x(b.meanScore).toFixed(1)},${y(b.observed).toFixed(1)}`).join(" ");
    svg.append(s("polyline", { points: pts, class: "curve" }));
    const maxCount = Math.max(...bins.map((b) => b.count));
    for (const b of bins) {
      const r = 3 + 5 * Math.sqrt(b.count / maxCount);
      svg.append(
        s(
          "circle",
          { cx: x(b.meanScore), cy: y(b.observed), r, class: "point" },
          s(
            "title",
            {},
            `scores ${b.lower.toFixed(2)}–${b.upper.toFixed(2)}: mean ${b.meanScore.toFixed(2)}, observed ${b.observed.toFixed(2)}, ${b.count} pairs`,
          ),
        ),
      );
    }
  }
  svg.append(
    s("text", { x: x(0.5), y: y(0) + 34, class: "axis-title", "text-anchor": "middle" }, "mean score in bin"),
    s(
      "text",
      { x: 12, y: y(0.5), class: "axis-title", "text-anchor": "middle", transform: `rotate(-90 12 ${y(0.5)})` },
      "share that is gold",
    ),
  );
  return svg;
}
