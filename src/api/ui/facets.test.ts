// The Filters panel: a ticked filter must stay on screen (to be unticked) even when the search
// with it matches nothing and the API returns no facet values.
import { describe, expect, it } from "vitest";
import { facetGroups } from "./facets.js";

describe("facetGroups", () => {
  it("keeps ticked values, with a zero count, when the results have no facets at all", () => {
    const params = new URLSearchParams("q=forest&country=fr&target=GBF-TARGET-15");
    const groups = facetGroups({}, params);
    expect(groups.map((g) => g.param)).toEqual(["target", "country"]);
    expect(groups[0]!.values).toEqual([{ id: "GBF-TARGET-15", label: undefined, count: 0, checked: true }]);
    expect(groups[1]!.values).toEqual([{ id: "fr", label: undefined, count: 0, checked: true }]);
  });

  it("marks ticked values among the returned ones and adds the missing ticked ones", () => {
    const params = new URLSearchParams("target=GBF-TARGET-03&target=GBF-TARGET-09");
    const [g] = facetGroups(
      {
        targets: [
          { id: "GBF-TARGET-03", count: 4 },
          { id: "GBF-TARGET-01", count: 2 },
        ],
      },
      params,
    );
    expect(g!.values.map((v) => [v.id, v.count, v.checked])).toEqual([
      ["GBF-TARGET-03", 4, true],
      ["GBF-TARGET-01", 2, false],
      ["GBF-TARGET-09", 0, true],
    ]);
  });

  it("has no groups when nothing is returned or ticked", () => {
    expect(facetGroups({ targets: [] }, new URLSearchParams("q=x"))).toEqual([]);
  });
});

describe("names and clear all", () => {
  it("names ticked countries and record types the API did not label", async () => {
    const { facetValueName, withoutFilters } = await import("./facets.js");
    expect(facetValueName("countries", "fr")).toBe("France");
    expect(facetValueName("countries", "es", "Spain")).toBe("Spain");
    expect(facetValueName("types", "nationalReport7")).toBe("National report 7");
    expect(facetValueName("targets", "GBF-TARGET-03")).toBe("GBF-TARGET-03");
    const cleared = withoutFilters(
      new URLSearchParams("q=x&mode=keyword&country=fr&country=es&type=nbsap&from=2024-01-01&page=2"),
    );
    expect(cleared.toString()).toBe("q=x&mode=keyword");
  });
});
