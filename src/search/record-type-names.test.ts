// A record type has one name everywhere: search hits and facets name it as the Submit form's list
// (vocab's loadRecordTypes) does, not with a second table of their own.
import { describe, expect, it } from "vitest";
import { loadRecordTypes, loadVocabulary } from "../vocab/index.ts";
import { computeFacets } from "./internal/facets.ts";
import { makeDoc } from "../../test/helpers/records.ts";

describe("record-type names in search", () => {
  it("are the Submit form's names, and unknown ids are spelled out", async () => {
    const vocab = await loadVocabulary();
    const form = new Map(loadRecordTypes().map((t) => [t.id, t.name]));
    const ids = ["nationalReport6", "resource", "nbsap", "caseStudy", "bbiRequest", "landUsePlan"];
    const facets = computeFacets(
      ids.map((recordType) => makeDoc(recordType, { recordType })),
      vocab,
    );
    const names = new Map(facets.types.map((v) => [v.id, v.label]));
    for (const id of ids.slice(0, -1)) expect(names.get(id), id).toBe(form.get(id));
    expect(names.get("landUsePlan")).toBe("Land use plan");
  });
});
