// While the classifier trains (the first start, about a minute), a banner says why suggestions
// wait and how far training has got, polling /ready until the model is ready or failed.

import { byId } from "./dom.js";

/** @type {Record<string, string>} */
const STAGES = {
  preparing: "preparing",
  "label descriptions": "reading the label descriptions",
  examples: "learning from the labelled examples",
  "SDG examples": "calibrating the SDG model",
  fitting: "fitting the model",
  saving: "saving the model",
};

/**
 * The banner's sentence for /ready's model check, or "" when there is nothing to say.
 * @param {{ status: string, progress?: { stage: string, done: number, total: number } } | undefined} model
 * @returns {string}
 */
export function readyMessage(model) {
  if (!model || model.status === "ready") return "";
  if (model.status === "failed") {
    return "The classifier could not be loaded: uploads are stored without suggestions (see the server log).";
  }
  const p = model.progress;
  const what = p ? (STAGES[p.stage] ?? p.stage) : "starting";
  const count = p && p.total > 0 ? `: ${p.done} of ${p.total} (${Math.floor((100 * p.done) / p.total)} %)` : "";
  return `The classifier is training on first start (about a minute), ${what}${count}. Uploads are kept and tagged once it is ready.`;
}

/** Polls /ready and keeps the banner up to date; stops once the classifier is ready or failed. */
export async function watchReadiness(intervalMs = 1500) {
  const banner = byId("ready-banner");
  for (;;) {
    let model;
    try {
      const res = await fetch("/ready", { headers: { Accept: "application/json" } });
      model = (await res.json())?.checks?.model;
    } catch {
      model = undefined;
    }
    const text = readyMessage(model);
    banner.hidden = !text;
    if (banner.textContent !== text) banner.textContent = text;
    if (model && model.status !== "loading") return;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
