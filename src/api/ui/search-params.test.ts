// The Search view's URL rules: dates are checked before a request is sent (an impossible or
// reversed range says so instead of searching), and a new query or sort starts at page 1.
import { describe, expect, it } from "vitest";
import { dateRangeProblem, isCalendarDate, withSearch } from "./search-params.js";

describe("dateRangeProblem", () => {
  it("accepts open and ordered ranges", () => {
    expect(dateRangeProblem("", "")).toBeNull();
    expect(dateRangeProblem("2024-01-01", "")).toBeNull();
    expect(dateRangeProblem("2024-01-01", "2024-01-01")).toBeNull();
    expect(dateRangeProblem("2023-12-31", "2024-01-01")).toBeNull();
  });

  it("names a reversed range and a date that does not exist", () => {
    expect(dateRangeProblem("2024-05-01", "2024-04-30")).toMatch(/after the To date/);
    expect(dateRangeProblem("2024-02-30", "")).toMatch(/From date “2024-02-30” is not a date/);
    expect(dateRangeProblem("", "31/12/2024")).toMatch(/To date/);
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
  });
});

describe("withSearch", () => {
  it("drops the page and the default sort, keeps filters", () => {
    const p = new URLSearchParams("q=forest&country=fr&page=3&sort=date");
    expect(withSearch(p, { q: "wetlands", sort: "relevance" }).toString()).toBe("q=wetlands&country=fr");
    expect(withSearch(p, { from: "2024-01-01", q: "" }).toString()).toBe("country=fr&sort=date&from=2024-01-01");
  });
});
