// Tiny DOM helpers. Everything the API returns is put in the page as text nodes; the only
// markup accepted from the server is <mark> inside search snippets (see safeSnippet).

/**
 * Creates an element. attrs: `class`, `text`, `on<event>` handlers, `dataset`, booleans, and
 * any other attribute by name; children are nodes or strings (added as text).
 */
export function h(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Same as h() for SVG elements. */
export function s(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") el.textContent = String(v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
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

/** Removes all children and appends the new ones. */
export function replace(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return el;
}

/**
 * Turns the API's escaped snippet HTML into nodes, keeping only text and <mark>. Even if a
 * snippet ever carried other markup it would come out as plain text, never as live HTML.
 */
export function safeSnippet(html) {
  const doc = new DOMParser().parseFromString(`<body>${html ?? ""}</body>`, "text/html");
  const out = document.createDocumentFragment();
  const walk = (node, into) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) into.append(child.textContent);
      else if (child.nodeType === Node.ELEMENT_NODE) {
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

/** Calls fn after `ms` of quiet; the returned function also has cancel(). */
export function debounce(fn, ms) {
  let timer;
  const d = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  d.cancel = () => clearTimeout(timer);
  return d;
}

/** 0.734 → "73%" */
export function pct(x, digits = 0) {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : "–";
}

/** A horizontal bar for a 0..1 value, width set through CSSOM so a strict CSP allows it. */
export function bar(value, cls = "") {
  const fillEl = h("span", { class: "bar-fill" });
  fillEl.style.width = `${Math.max(0, Math.min(1, value || 0)) * 100}%`;
  return h("span", { class: `bar ${cls}`.trim(), "aria-hidden": "true" }, fillEl);
}

export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(t);
      reject(new DOMException("Aborted", "AbortError"));
    });
  });
}
