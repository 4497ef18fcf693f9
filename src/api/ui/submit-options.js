// The country names and CHM record types the Submit form and the review filters pick from,
// fetched once from GET /v1/submissions/options.

import { api } from "./api.js";

/** @typedef {import("./api.js").Schemas} Schemas */

/** @type {Promise<Schemas["SubmitOptions"]> | null} */
let cached = null;

/** @returns {Promise<Schemas["SubmitOptions"]>} */
export function loadSubmitOptions() {
  if (!cached) {
    cached = /** @type {Promise<Schemas["SubmitOptions"]>} */ (api("/v1/submissions/options"));
    // A failed load may be retried (e.g. after a key is set when reads need one).
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/**
 * The ISO code for what was typed in the country box: a listed name ("France"), or a code as is.
 * @param {string} typed
 * @param {Schemas["SubmitOptions"]["countries"]} countries
 */
export function countryCode(typed, countries) {
  const v = typed.trim();
  const byName = countries.find((c) => c.name.toLowerCase() === v.toLowerCase());
  return byName ? byName.code : v.toLowerCase();
}
