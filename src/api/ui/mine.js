// My documents: what this key submitted, with each document's review state.

import { api, describeError } from "./api.js";
import { byId, h, replace } from "./dom.js";

/** @typedef {import("./api.js").Schemas} Schemas */

export async function showMine() {
  const body = byId("mine-body");
  const status = byId("mine-status");
  status.textContent = "Loading your documents…";
  try {
    const page = /** @type {Schemas["MyDocuments"]} */ (await api("/v1/submissions/mine?limit=100"));
    status.textContent = page.documents.length
      ? `${page.documents.length} document(s) submitted with this key.`
      : "No document was submitted with this key yet.";
    replace(
      body,
      page.documents.length
        ? h(
            "div",
            { class: "table-scroll" },
            h(
              "table",
              { id: "mine-table" },
              h("caption", { class: "visually-hidden" }, "My documents and their review state"),
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  ["Document", "Submitted", "Pending", "Accepted", "Rejected"].map((t) => h("th", { scope: "col" }, t)),
                ),
              ),
              h(
                "tbody",
                {},
                page.documents.map((d) =>
                  h(
                    "tr",
                    { dataset: { doc: d.documentId } },
                    h("th", { scope: "row" }, d.title || d.filename || d.documentId),
                    h("td", {}, h("time", { datetime: d.submittedAt }, d.submittedAt.slice(0, 10))),
                    h("td", { class: "count-pending" }, String(d.review.pending)),
                    h("td", { class: "count-accepted" }, String(d.review.accepted)),
                    h("td", { class: "count-rejected" }, String(d.review.rejected)),
                  ),
                ),
              ),
            ),
          )
        : null,
    );
  } catch (err) {
    replace(body);
    status.textContent = describeError(err);
  }
}
