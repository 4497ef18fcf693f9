// Tiny DOM helpers. Everything the API returns is put in the page as text nodes; the only
// markup accepted from the server is <mark> inside search snippets (see safeSnippet).

/**
 * @typedef {Record<string, unknown>} Attrs
 * @typedef {Node | string | number | boolean | null | undefined} Child
 * @typedef {Child | Child[]} Children
 */

/**
 * Creates an element. attrs: `class`, `text`, `on<event>` handlers, `dataset`, booleans, and
 * any other attribute by name; children are nodes or strings (added as text).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...Children} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Same as h() for SVG elements.
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...Children} children
 * @returns {SVGElementTagNameMap[K]}
 */
export function s(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/**
 * @template {HTMLElement | SVGElement} E
 * @param {E} el
 * @param {Attrs} attrs
 * @param {Children[]} children
 * @returns {E}
 */
function fill(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") el.textContent = String(v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k.startsWith("on") && typeof v === "function")
      el.addEventListener(k.slice(2), /** @type {EventListener} */ (v));
    else el.setAttribute(k === "className" ? "class" : k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/**
 * The page element with this id, typed by the caller; a missing element is a bug in index.html,
 * so it throws instead of returning null.
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @returns {T}
 */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return /** @type {T} */ (el);
}

/**
 * Removes all children and appends the new ones.
 * @template {Element | DocumentFragment} E
 * @param {E} el
 * @param {...Children} children
 * @returns {E}
 */
export function replace(el, ...children) {
  el.replaceChildren(
    ...children
      .flat()
      .filter((c) => c !== undefined && c !== null && c !== false)
      .map((c) => (c instanceof Node ? c : String(c))),
  );
  return el;
}

/**
 * Turns the API's escaped snippet HTML into nodes, keeping only text and <mark>. Even if a
 * snippet ever carried other markup it would come out as plain text, never as live HTML.
 * @param {string | null | undefined} html
 * @returns {DocumentFragment}
 */
export function safeSnippet(html) {
  const doc = new DOMParser().parseFromString(`<body>${html ?? ""}</body>`, "text/html");
  const out = document.createDocumentFragment();
  /** @param {Node} node @param {Element | DocumentFragment} into */
  const walk = (node, into) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) into.append(child.textContent ?? "");
      else if (child instanceof Element) {
        if (child.tagName === "MARK") {
          const m = document.createElement("mark");
          walk(child, m);
          into.append(m);
        } else {
          walk(child, into);
        }
      }
    }
  };
  walk(doc.body, out);
  return out;
}

/**
 * Calls fn after `ms` of quiet; the returned function also has cancel().
 * @template {unknown[]} A
 * @param {(...args: A) => void} fn
 * @param {number} ms
 * @returns {((...args: A) => void) & { cancel(): void }}
 */
export function debounce(fn, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @param {A} args */
  const d = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  d.cancel = () => clearTimeout(timer);
  return d;
}

/**
 * 0.734 → "73%"
 * @param {number | null | undefined} x
 */
export function pct(x, digits = 0) {
  return typeof x === "number" && Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : "–";
}

/**
 * A horizontal bar for a 0..1 value, width set through CSSOM so a strict CSP allows it.
 * @param {number | null | undefined} value
 */
export function bar(value, cls = "") {
  const fillEl = h("span", { class: "bar-fill" });
  fillEl.style.width = `${Math.max(0, Math.min(1, value || 0)) * 100}%`;
  return h("span", { class: `bar ${cls}`.trim(), "aria-hidden": "true" }, fillEl);
}

/**
 * Resolves after `ms`; rejects with an AbortError when `signal` aborts first.
 * @param {number} ms
 * @param {AbortSignal} [signal]
 * @returns {Promise<void>}
 */
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(t);
      reject(new DOMException("Aborted", "AbortError"));
    });
  });
}
