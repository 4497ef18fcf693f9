// Links into the document page: `#/documents/<id>?page=N&passage=…` opens the document at the
// passage's page with the passage marked.

/**
 * @param {string} id
 * @param {{ page?: number | null, passage?: string | null }} [at]
 * @returns {string}
 */
export function documentHref(id, at = {}) {
  const q = new URLSearchParams();
  if (at.page) q.set("page", String(at.page));
  if (at.passage) q.set("passage", at.passage.slice(0, 400));
  const query = q.toString();
  return `#/documents/${encodeURIComponent(id)}${query ? `?${query}` : ""}`;
}

/**
 * The document id and target of a document-page hash: `#/documents/<id>?page=3`, also the
 * `#/documents/<id>#page=3` form of PDF links.
 * @param {string} hash
 * @returns {{ id: string, page: number | null, passage: string | null } | null}
 */
export function parseDocumentHash(hash) {
  const m = /^#?\/?documents\/([^?#]+)(?:[?#](.*))?$/.exec(hash);
  if (!m) return null;
  let id;
  try {
    id = decodeURIComponent(m[1] ?? "");
  } catch {
    return null;
  }
  const q = new URLSearchParams((m[2] ?? "").replace(/#/g, "&"));
  const page = Number(q.get("page"));
  return { id, page: Number.isInteger(page) && page > 0 ? page : null, passage: q.get("passage") };
}

/**
 * Search hits are drawn by the search view; this turns each hit's title and page badges into
 * links to the document page as they appear, so the two views stay independent.
 * @param {HTMLElement} list the hits list (`#hits`)
 */
export function linkHits(list) {
  const enhance = () => {
    for (const li of list.querySelectorAll("li.hit[data-document-id]")) {
      if (!(li instanceof HTMLElement) || li.dataset.linked) continue;
      const id = li.dataset.documentId ?? "";
      li.dataset.linked = "1";
      const title = li.querySelector("h3");
      if (title && !title.querySelector("a")) {
        const a = document.createElement("a");
        a.href = documentHref(id);
        a.append(...title.childNodes);
        title.append(a);
      }
      for (const badge of li.querySelectorAll(".passages .page")) {
        const page = Number(/(\d+)/.exec(badge.textContent ?? "")?.[1]);
        const passage = badge.parentElement?.querySelector(".snippet")?.textContent ?? "";
        const a = document.createElement("a");
        a.href = documentHref(id, { page, passage: passage.replace(/^…|…$/g, "").trim() });
        a.className = "page";
        a.textContent = badge.textContent;
        a.setAttribute("aria-label", `Open the document at ${badge.textContent}`);
        badge.replaceWith(a);
      }
    }
  };
  new MutationObserver(enhance).observe(list, { childList: true, subtree: true });
  enhance();
}
