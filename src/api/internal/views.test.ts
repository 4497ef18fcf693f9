import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { makeDoc } from "../../../test/helpers/records.ts";
import { loadVocabulary, type Vocabulary } from "../../vocab/index.ts";
import { documentDetailView } from "./views.ts";

let vocab: Vocabulary;
beforeAll(async () => {
  vocab = await loadVocabulary();
});
afterEach(() => vi.restoreAllMocks());

describe("documentDetailView", () => {
  it("reports an invalid classification as such and shows the document unclassified, without crashing", () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    // Suggestions without score, decision or evidence: not a classification the view may render.
    const bad = makeDoc("d-bad", { classificationJson: '{"suggestions":[{"id":"GBF-TARGET-03"}],"modelId":"m"}' });
    const view = documentDetailView(bad, [], vocab);
    expect(view.suggestions).toEqual([]);
    expect(view.classification).toBeNull();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/d-bad has an invalid classification/);
    expect(warn.mock.calls[0]?.[1]).toMatchObject({ code: "CHM_INVALID_CLASSIFICATION" });
  });

  it("renders a valid classification with labels", () => {
    const cls = {
      suggestions: [{ id: "GBF-TARGET-03", space: "gbf", score: 0.9, decision: "suggest", evidence: [] }],
      modelId: "m",
      classifierVersion: "v",
      thresholds: { "GBF-TARGET-03": 0.5 },
    };
    const view = documentDetailView(makeDoc("d-ok", { classificationJson: JSON.stringify(cls) }), [], vocab);
    expect(view.suggestions.map((s) => [s.id, s.decision])).toEqual([["GBF-TARGET-03", "suggest"]]);
    expect(view.suggestions[0]!.label).toContain("GBF-T03");
    expect(view.classification).toEqual({ modelId: "m", classifierVersion: "v", thresholds: { "GBF-TARGET-03": 0.5 } });
  });
});
