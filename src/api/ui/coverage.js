// Coverage view: a world map coloured by how many documents address the chosen GBF target, the
// country × target matrix (zeros are the gaps), and for a chosen cell its documents with the
// passages that justify the tag. The map's outlines come from /v1/coverage/map (projected on the
// server), so the page draws paths: no tiles, no CDN, no geo library.

import { api, describeError, isAbort } from "./api.js";
import { byId, h, replace, s } from "./dom.js";

/**
 * @typedef {{ text: string, page?: number, chunkId?: string }} Passage
 * @typedef {{ id: string, title: string, recordType?: string, sourceUrl?: string, score?: number, evidence: Passage[] }} CellDoc
 * @typedef {{ country: string, label: string, count: number, documents: CellDoc[] }} Cell
 * @typedef {{ id: string, name: string, documents: number, missing: string[] }} Axis
 * @typedef {{ by: string, tagSource: string, counts: string, rows: Axis[], columns: Axis[], cells: Cell[], documentsInScope: number, truncated: boolean }} Coverage
 * @typedef {{ width: number, height: number, shapes: { code: string, name: string, path: string }[] }} WorldMap
 */

/** @type {WorldMap | undefined} */
let worldMap;
/** @type {AbortController | undefined} */
let inflight;

const shortLabel = (/** @type {string} */ id) =>
  id.replace("GBF-TARGET-", "T").replace(/^T0/, "T").replace("GBF-GOAL-", "Goal ");

/** Reads the view's state from the hash (#/coverage?target=…&tagSource=…). */
function stateOf(/** @type {URLSearchParams} */ params) {
  return {
    target: params.get("target") ?? "GBF-TARGET-03",
    tagSource: params.get("tagSource") ?? "suggested",
    country: params.get("country") ?? "",
  };
}

function setHash(/** @type {Record<string, string>} */ state) {
  const q = new URLSearchParams(Object.entries(state).filter(([, v]) => v));
  location.hash = `#/coverage?${q}`;
}

/** Colour for a count, on a scale capped at the largest count (0 is the gap colour). */
function fill(/** @type {number} */ count, /** @type {number} */ max) {
  if (count === 0) return "var(--gap, #f3d6c6)";
  const t = max <= 1 ? 1 : 0.35 + (0.65 * (count - 1)) / (max - 1);
  return `rgba(46, 139, 87, ${t.toFixed(2)})`;
}

/** A legend key drawn as SVG: the page's CSP allows no inline style attributes. */
function swatch(/** @type {string} */ color, /** @type {string} */ stroke) {
  return s(
    "svg",
    { class: "swatch", width: 14, height: 14, "aria-hidden": "true" },
    s("rect", { x: 1, y: 1, width: 12, height: 12, fill: color, stroke }),
  );
}

function drawMap(
  /** @type {Coverage} */ report,
  /** @type {string} */ target,
  /** @type {(c: string) => void} */ pick,
) {
  if (!worldMap) return h("p", { class: "hint", text: "Map loading…" });
  const counts = new Map(report.cells.filter((c) => c.label === target).map((c) => [c.country, c.count]));
  const max = Math.max(1, ...counts.values());
  const paths = worldMap.shapes.map((shape) => {
    const count = counts.get(shape.code);
    const label =
      count === undefined
        ? `${shape.name}: no documents`
        : count === 0
          ? `${shape.name}: documents, but none addresses ${shortLabel(target)}`
          : `${shape.name}: ${count} document(s) address ${shortLabel(target)}`;
    return s(
      "path",
      {
        d: shape.path,
        fill: count === undefined ? "#e6e6e6" : fill(count, max),
        stroke: count === 0 ? "#b5542b" : "#fff",
        "stroke-width": count === 0 ? 1.2 : 0.5,
        class: count === undefined ? "" : "has-docs",
        dataset: { code: shape.code },
        onclick: count === undefined ? undefined : () => pick(shape.code),
      },
      s("title", { text: label }),
    );
  });
  return h(
    "figure",
    { class: "coverage-map" },
    s(
      "svg",
      {
        viewBox: `0 0 ${worldMap.width} ${worldMap.height}`,
        role: "img",
        "aria-label": `Map of documents addressing ${shortLabel(target)}`,
      },
      ...paths,
    ),
    h(
      "figcaption",
      { class: "legend" },
      swatch(fill(max, max), "none"),
      ` most documents (${max})  `,
      swatch(fill(0, max), "#b5542b"),
      " documents, but none on this target  ",
      swatch("#e6e6e6", "none"),
      " no documents",
    ),
  );
}

function drawMatrix(/** @type {Coverage} */ report, /** @type {(c: string, l: string) => void} */ open) {
  const count = new Map(report.cells.map((c) => [`${c.country}|${c.label}`, c.count]));
  const head = h(
    "tr",
    {},
    h("th", { scope: "col", text: "Country" }),
    ...report.columns.map((c) => h("th", { scope: "col", title: c.name, text: shortLabel(c.id) })),
  );
  const rows = report.rows.map((r) =>
    h(
      "tr",
      {},
      h("th", { scope: "row", text: `${r.name} (${r.documents})` }),
      ...report.columns.map((c) => {
        const n = count.get(`${r.id}|${c.id}`) ?? 0;
        const label =
          n === 0
            ? `No document from ${r.name} addresses ${shortLabel(c.id)}`
            : `${n} document(s) from ${r.name} address ${shortLabel(c.id)}`;
        return h(
          "td",
          { class: n === 0 ? "gap" : "covered" },
          h(
            "button",
            { type: "button", class: "cell", "aria-label": label, title: label, onclick: () => open(r.id, c.id) },
            n === 0 ? "–" : String(n),
          ),
        );
      }),
    ),
  );
  return h(
    "div",
    { class: "matrix-wrap" },
    h("table", { class: "matrix" }, h("thead", {}, head), h("tbody", {}, ...rows)),
  );
}

function drawCell(/** @type {Coverage} */ report, /** @type {string} */ country, /** @type {string} */ label) {
  const cell = report.cells.find((c) => c.country === country && c.label === label);
  const name =
    report.rows.find((r) => r.id === country)?.name ?? report.columns.find((c) => c.id === country)?.name ?? country;
  const title = h("h2", { id: "coverage-cell-heading", tabindex: "-1", text: `${name} · ${shortLabel(label)}` });
  if (!cell || cell.count === 0) {
    return [title, h("p", { class: "gap-note", text: `No document from ${name} addresses ${shortLabel(label)} yet.` })];
  }
  const items = cell.documents.map((d) =>
    h(
      "li",
      {},
      d.sourceUrl ? h("a", { href: d.sourceUrl, rel: "noopener", text: d.title }) : h("strong", { text: d.title }),
      d.score !== undefined ? ` · score ${Math.round(d.score * 100)}%` : "",
      ...(d.evidence.length
        ? d.evidence.map((p) =>
            h("blockquote", {}, h("mark", { text: p.text }), p.page ? h("cite", { text: ` p. ${p.page}` }) : ""),
          )
        : [h("p", { class: "hint", text: "Tagged without a passage (a reviewer or the source system)." })]),
    ),
  );
  const more =
    cell.count > cell.documents.length
      ? h("p", { class: "hint", text: `${cell.count - cell.documents.length} more not shown.` })
      : "";
  return [title, h("p", { text: `${cell.count} document(s)` }), h("ul", { class: "cell-docs" }, ...items), more];
}

/** Shows the coverage view for the hash's state. */
export async function showCoverage(/** @type {URLSearchParams} */ params) {
  const state = stateOf(params);
  const status = byId("coverage-status");
  const body = byId("coverage-body");
  inflight?.abort();
  const ctrl = new AbortController();
  inflight = ctrl;
  status.textContent = "Loading coverage…";
  try {
    const q = new URLSearchParams({ by: "country", tagSource: state.tagSource, perCell: "5" });
    const [report, map] = await Promise.all([
      /** @type {Promise<Coverage>} */ (api(`/v1/coverage?${q}`, { signal: ctrl.signal })),
      worldMap
        ? Promise.resolve(worldMap)
        : /** @type {Promise<WorldMap>} */ (api("/v1/coverage/map", { signal: ctrl.signal })),
    ]);
    worldMap = map;
    const detail = h("section", { class: "cell-detail", "aria-live": "polite" });
    const open = (/** @type {string} */ country, /** @type {string} */ label) => {
      replace(detail, ...drawCell(report, country, label));
      byId("coverage-cell-heading").focus();
    };
    const targetSelect = h(
      "select",
      {
        id: "coverage-target",
        onchange: (/** @type {Event} */ e) =>
          setHash({ ...state, target: /** @type {HTMLSelectElement} */ (e.target).value }),
      },
      ...report.columns.map((c) =>
        h("option", { value: c.id, selected: c.id === state.target, text: `${shortLabel(c.id)} · ${c.name}` }),
      ),
    );
    const sourceSelect = h(
      "select",
      {
        id: "coverage-source",
        onchange: (/** @type {Event} */ e) =>
          setHash({ ...state, tagSource: /** @type {HTMLSelectElement} */ (e.target).value }),
      },
      ...[
        ["suggested", "Suggested tags (classifier, after review)"],
        ["accepted", "Accepted tags (reviewers)"],
        ["source", "The CHM's own tags"],
      ].map(([v, t]) => h("option", { value: v, selected: v === state.tagSource, text: t })),
    );
    const csv = `/v1/coverage?${new URLSearchParams({ by: "country", tagSource: state.tagSource, format: "csv" })}`;
    const summaries = report.rows
      .filter((r) => r.id !== "none")
      .map((r) =>
        h(
          "li",
          {},
          `${r.name}: `,
          h("a", {
            href: `/v1/coverage/countries/${r.id}/summary?format=html&tagSource=${state.tagSource}`,
            text: "summary",
          }),
          " · ",
          h("a", {
            href: `/v1/coverage/countries/${r.id}/summary?format=csv&tagSource=${state.tagSource}`,
            text: "CSV",
          }),
          ` (${r.missing.length} targets without evidence)`,
        ),
      );
    replace(
      body,
      h(
        "div",
        { class: "coverage-controls" },
        h("label", { for: "coverage-target", text: "Target" }),
        targetSelect,
        h("label", { for: "coverage-source", text: "Tags counted" }),
        sourceSelect,
        h("a", { href: csv, class: "button secondary", text: "Download the matrix (CSV)" }),
      ),
      h("p", { class: "hint", text: `Counts: ${report.counts}. ${report.documentsInScope} document(s) in scope.` }),
      drawMap(report, state.target, (country) => open(country, state.target)),
      drawMatrix(report, open),
      detail,
      h("h2", { text: "Country summaries for national reporting" }),
      summaries.length
        ? h("ul", { class: "summaries" }, ...summaries)
        : h("p", { class: "hint", text: "No document names a country yet." }),
    );
    status.textContent = report.documentsInScope === 0 ? "No documents yet: upload or harvest some first." : "";
    if (state.country) open(state.country, state.target);
  } catch (err) {
    if (isAbort(err)) return;
    status.textContent = describeError(err);
  }
}
