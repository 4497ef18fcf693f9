// "Matches" panel on a need's or an offer's document: Bio-Bridge requests for assistance matched
// with providers and opportunities (and back), each with why it matched.

import { api, describeError } from "./api.js";
import { h, replace } from "./dom.js";

const NEEDS = ["bbiRequest"];
const OFFERS = ["bbiOpportunity", "bbiProfile"];

/** True for the record types the matchmaker pairs. */
export function isMatchable(/** @type {string | undefined | null} */ recordType) {
  return NEEDS.includes(recordType ?? "") || OFFERS.includes(recordType ?? "");
}

/**
 * @typedef {{ text: string, page?: number }} MatchPassage
 * @typedef {{ document: { id: string, title: string, recordType: string, country?: string, language: string },
 *   score: number, components: Record<string, number>,
 *   reason: { sharedTargets: { id: string, name: string }[], sharedSubjects: { id: string, name: string }[], place: string,
 *   sameLanguage: boolean, passages?: { own: MatchPassage, theirs: MatchPassage, similarity: number } } }} Match
 * @typedef {{ document: { role: string }, matches: Match[], scoring: string }} MatchReport
 */

function reasonLines(/** @type {Match} */ m) {
  const r = m.reason;
  return [
    r.sharedTargets.length ? `Shared targets: ${r.sharedTargets.map((t) => t.name).join("; ")}` : "",
    r.sharedSubjects.length ? `Shared subjects: ${r.sharedSubjects.map((t) => t.name).join("; ")}` : "",
    [r.place, r.sameLanguage ? "same language" : ""].filter(Boolean).join(", "),
  ].filter(Boolean);
}

/**
 * Renders the matches of document `id` into a new section (returned at once, filled when the API answers).
 * @param {string} id
 */
export function matchesPanel(id) {
  const list = h("ol", { class: "matches" });
  const status = h("p", { class: "status", role: "status", text: "Finding matches…" });
  const section = h(
    "section",
    { class: "matches-panel", "aria-labelledby": "matches-heading" },
    h("h3", { id: "matches-heading", text: "Matches" }),
    status,
    list,
  );
  api(`/v1/matches?documentId=${encodeURIComponent(id)}&limit=5`)
    .then((body) => {
      const report = /** @type {MatchReport} */ (body);
      const what = report.document.role === "need" ? "offers of assistance" : "requests for assistance";
      status.textContent = report.matches.length ? `Best ${what}:` : `No ${what} to match yet.`;
      replace(
        list,
        ...report.matches.map((m) =>
          h(
            "li",
            {},
            h("strong", { text: m.document.title }),
            ` · ${m.document.recordType}${m.document.country ? ` · ${m.document.country}` : ""} · match ${Math.round(m.score * 100)}%`,
            ...reasonLines(m).map((line) => h("div", { class: "hint", text: line })),
            m.reason.passages
              ? h(
                  "details",
                  {},
                  h("summary", { text: "Closest passages" }),
                  h("blockquote", {}, h("mark", { text: m.reason.passages.own.text })),
                  h("blockquote", {}, h("mark", { text: m.reason.passages.theirs.text })),
                )
              : "",
          ),
        ),
      );
    })
    .catch((err) => {
      status.textContent = describeError(err);
    });
  return section;
}
