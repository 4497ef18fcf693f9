// "Find a target" must find a target by what the page shows for it: its short id (T12), the
// "Target 7" wording reports use, and words of its title or full text.
import { describe, expect, it } from "vitest";
import { matchesTerm, termFromApi } from "./labels.js";

const t = (n: number, short: string, long: string, fr = "") =>
  termFromApi({
    identifier: `GBF-TARGET-${String(n).padStart(2, "0")}`,
    domain: "gbf-targets",
    name: `GBF-T${String(n).padStart(2, "0")}. ${short}`,
    title: { en: `GBF-T${String(n).padStart(2, "0")}. ${short}` },
    shortTitle: { en: short },
    longDescription: { en: long, fr },
    broaderTerms: [],
    narrowerTerms: [],
    relatedTerms: [],
  });

const TERMS = [
  t(
    2,
    "Restore 30% of all Degraded Ecosystems",
    "restoration of degraded wetlands and rivers",
    "Restauration des zones humides dégradées",
  ),
  t(7, "Reduce Pollution", "Reduce pollution risks from all sources"),
  t(12, "Enhance Green Spaces", "urban green and blue spaces"),
  t(17, "Strengthen Biosafety", "biosafety measures"),
];
const ids = (q: string) => TERMS.filter((x) => matchesTerm(x, q)).map((x) => x.id);

describe("Find a target", () => {
  it("matches the short id the list shows, with or without the leading zero", () => {
    expect(ids("T12")).toEqual(["GBF-TARGET-12"]);
    expect(ids("t7")).toEqual(["GBF-TARGET-07"]);
    expect(ids("T07")).toEqual(["GBF-TARGET-07"]);
  });

  it("matches 'Target 7' and a bare number without matching 17 for 7", () => {
    expect(ids("Target 7")).toEqual(["GBF-TARGET-07"]);
    expect(ids("7")).toEqual(["GBF-TARGET-07"]);
  });

  it("matches words of the title and of the full text, in any order, case- and accent-folded", () => {
    expect(ids("wetland")).toEqual(["GBF-TARGET-02"]);
    expect(ids("ecosystems restore")).toEqual(["GBF-TARGET-02"]);
    expect(ids("zones humides")).toEqual(["GBF-TARGET-02"]);
    expect(ids("POLLUTION")).toEqual(["GBF-TARGET-07"]);
    expect(ids("")).toHaveLength(4);
  });

  it("keeps the display title without the thesaurus code prefix", () => {
    expect(TERMS[2]!.title).toBe("Enhance Green Spaces");
  });
});

describe("Find a target by full id", () => {
  it("matches the id the API uses", () => {
    expect(ids("GBF-TARGET-12")).toEqual(["GBF-TARGET-12"]);
  });
});
