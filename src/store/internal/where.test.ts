import { describe, expect, it } from "vitest";
import { filterToWhere } from "./where.ts";

const cols = { documentId: "documentId" };

describe("filterToWhere", () => {
  it("builds one AND-ed predicate with quoted codes and canonical date bounds", () => {
    expect(
      filterToWhere(
        { countries: ["fr", "br"], targets: ["GBF-TARGET-01"], from: "2024-01-01", to: "2024-01-31" },
        cols,
      ),
    ).toBe(
      "country IN ('fr', 'br') AND array_has_any(targets, ['GBF-TARGET-01']) AND " +
        "createdAt >= '2024-01-01T00:00:00.000Z' AND createdAt <= '2024-01-31T23:59:59.999Z'",
    );
  });

  it("treats a missing filter or empty lists as no constraint", () => {
    expect(filterToWhere(undefined, cols)).toBeUndefined();
    expect(filterToWhere({ countries: [], targets: [] }, cols)).toBeUndefined();
  });

  it("rejects values that could escape their quotes", () => {
    for (const bad of ["x' OR '1'='1", "a b", "fr;DROP", "", "é"]) {
      expect(() => filterToWhere({ countries: [bad] }, cols)).toThrow(
        expect.objectContaining({ code: "validation_failed" }),
      );
    }
    expect(() => filterToWhere({ from: "yesterday" }, cols)).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
    expect(() => filterToWhere({ to: "2024-13-45" }, cols)).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
  });
});
