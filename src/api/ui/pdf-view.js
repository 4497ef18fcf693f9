// Renders one page of a PDF with pdf.js (served from the installed package at /ui/vendor/) and
// its text layer, with the evidence passage highlighted in the text layer.

import { h, replace } from "./dom.js";
import { piecesCovering } from "./passage.js";

/** @type {Promise<any> | undefined} */
let pdfjs;

function loadPdfJs() {
  // A variable specifier: the module is served at run time, there are no types to check it against.
  const url = "/ui/vendor/pdf.mjs";
  pdfjs ??= import(url).then((m) => {
    m.GlobalWorkerOptions.workerSrc = "/ui/vendor/pdf.worker.mjs";
    return m;
  });
  return pdfjs;
}

/**
 * Opens PDF bytes once; the returned object renders any page into `el`.
 * @param {Uint8Array} bytes
 */
export async function openPdf(bytes) {
  const lib = await loadPdfJs();
  // No eval (the page's CSP forbids it) and no fetches of its own: everything is in `bytes`.
  const doc = await lib.getDocument({ data: bytes, isEvalSupported: false, disableAutoFetch: true }).promise;
  return {
    pageCount: /** @type {number} */ (doc.numPages),
    /**
     * @param {HTMLElement} el
     * @param {number} pageNo 1-based
     * @param {string | null} passage text to highlight
     * @returns {Promise<boolean>} whether the passage was found on the page
     */
    async render(el, pageNo, passage) {
      const page = await doc.getPage(pageNo);
      const width = Math.min(el.clientWidth || 800, 900);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: width / base.width });
      const ratio = window.devicePixelRatio || 1;
      const canvas = h("canvas", { class: "pdf-canvas", "aria-hidden": "true" });
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${viewport.width}px`;
      canvas.style.height = `${viewport.height}px`;
      const text = h("div", { class: "textLayer" });
      const frame = h("div", { class: "pdf-page" }, canvas, text);
      frame.style.setProperty("--total-scale-factor", String(viewport.scale));
      frame.style.width = `${viewport.width}px`;
      frame.style.height = `${viewport.height}px`;
      replace(el, frame);
      const ctx = canvas.getContext("2d");
      if (!ctx) throw new Error("This browser cannot draw on a canvas.");
      await page.render({
        canvasContext: ctx,
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      }).promise;
      const layer = new lib.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport });
      await layer.render();
      if (!passage) return false;
      /** @type {HTMLElement[]} */
      const divs = layer.textDivs;
      const hits = piecesCovering(layer.textContentItemsStr, passage);
      for (const i of hits) divs[i]?.classList.add("passage-hl");
      divs[hits[0] ?? -1]?.scrollIntoView({ block: "center" });
      return hits.length > 0;
    },
  };
}
