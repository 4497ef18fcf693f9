import { describe, expect, it } from "vitest";
import { matchQuery, prepareText } from "./aurora-match.ts";
import { parseQuery } from "./aurora-parse.ts";

const hits = (query: string, text: string | Record<string, string>) =>
  matchQuery(parseQuery(query), prepareText(text)).map((s) => {
    const doc = prepareText(text);
    return doc.text.slice(s.start, s.end);
  });
const matches = (query: string, text: string | Record<string, string>) => hits(query, text).length > 0;

describe("Aurora query parser", () => {
  it("gives OR the tightest binding, then W/n, then AND, then AND NOT (Scopus precedence)", () => {
    expect(parseQuery('"a" AND "b" OR "c"')).toMatchObject({ kind: "and", right: { kind: "or" } });
    expect(parseQuery('"a" OR "b" W/3 "c"')).toMatchObject({ kind: "near", left: { kind: "or" } });
    expect(parseQuery('"a" W/3 "b" AND "c"')).toMatchObject({ kind: "and", left: { kind: "near", n: 3 } });
    expect(parseQuery('"a" AND NOT "b" AND "c"')).toMatchObject({ kind: "andNot", right: { kind: "and" } });
    expect(parseQuery('"a" PRE/2 "b"')).toMatchObject({ kind: "near", n: 2, ordered: true });
  });

  it("reads fields, nested parentheses, braces and bare words", () => {
    expect(parseQuery('TITLE-ABS-KEY(("a" OR ("b")) AND {c-d})')).toMatchObject({
      kind: "field",
      field: "all",
      body: { kind: "and", right: { kind: "exact", text: "c-d" } },
    });
    expect(parseQuery("heart attack")).toMatchObject({ kind: "and" });
  });

  it("rejects malformed queries with a config error naming the query", () => {
    expect(() => parseQuery('("a" OR "b"')).toThrow(/missing \)/);
    expect(() => parseQuery('"a" NOT "b"')).toThrow(/NOT must follow AND/);
    expect(() => parseQuery('"a" OR')).toThrow(/unexpected end/);
    expect(() => parseQuery('"a" )')).toThrow(/unexpected \)/);
    expect(() => parseQuery('"a" AND ""')).toThrow(/empty phrase/);
  });
});

describe("Aurora query matcher", () => {
  it("matches loose phrases ignoring case, accents and punctuation, and plurals of plain words", () => {
    expect(hits('"coral reef"', "Bleaching of Coral-Reefs continues.")).toEqual(["Coral-Reefs"]);
    expect(matches('"energy policy"', "policies on energy")).toBe(false);
    expect(matches('"pollution"', "Pollution des océans")).toBe(true);
    expect(matches('"species"', "specie")).toBe(false);
    expect(matches('"city"', "two cities")).toBe(true);
    expect(matches('"éducation"', "EDUCATION")).toBe(true);
  });

  it("expands * to any letters (none included) and ? to exactly one", () => {
    expect(matches('"pollut*"', "polluted rivers")).toBe(true);
    expect(matches('"pollut*"', "pollut")).toBe(true);
    expect(matches('"micro-plastic*"', "micro plastics in the sea")).toBe(true);
    expect(matches('"wom?n"', "women and men")).toBe(true);
    expect(matches('"wom?n"', "womn")).toBe(false);
    expect(matches('"*forest*"', "reforestation")).toBe(true);
  });

  it("matches {exact phrases} with their punctuation and no wildcards or plurals", () => {
    expect(matches("{non-native}", "non-native species")).toBe(true);
    expect(matches("{non-native}", "non native species")).toBe(false);
    expect(matches("{sea}", "research")).toBe(false);
    expect(matches("{pollut*}", "polluted")).toBe(false);
  });

  it("AND needs both sides, OR either, AND NOT excludes texts with the right side", () => {
    expect(matches('"ocean" AND "plastic"', "plastic in the ocean")).toBe(true);
    expect(matches('"ocean" AND "plastic"', "the ocean")).toBe(false);
    expect(matches('"ocean" OR "plastic"', "plastic bags")).toBe(true);
    expect(matches('"poaching" AND NOT "marine"', "poaching of elephants")).toBe(true);
    expect(matches('"poaching" AND NOT "marine"', "poaching of marine turtles")).toBe(false);
    expect(matches("heart attack", "an attack of the heart")).toBe(true);
  });

  it("W/n allows at most n words between, in either order", () => {
    const q = '"poverty" W/3 ("reduc*" OR "end")';
    expect(hits(q, "efforts to reduce extreme poverty")).toEqual(["reduce extreme poverty"]);
    expect(matches(q, "poverty in rural areas reduced")).toBe(true); // 3 words between
    expect(matches(q, "poverty in the rural areas was reduced")).toBe(false); // 5 words between
    expect(matches('"sea" W/0 "level"', "sea level")).toBe(true);
    expect(matches('"sea" W/0 "level"', "sea water level")).toBe(false);
  });

  it("PRE/n keeps the order", () => {
    expect(matches('"climate" PRE/2 "adaptation"', "climate change adaptation")).toBe(true);
    expect(matches('"climate" PRE/2 "adaptation"', "adaptation to climate")).toBe(false);
  });

  it("chains proximity over the span matched so far", () => {
    const q = '("invas*") W/3 ("alien") W/3 ("species" OR "plant*")';
    expect(hits(q, "control of invasive alien plants")).toEqual(["invasive alien plants"]);
    expect(matches(q, "invasive plants")).toBe(false);
  });

  it("keeps fields apart: TITLE only searches the title, proximity never crosses fields", () => {
    const rec = { title: "Marine litter", abs: "Plastic debris on beaches." };
    expect(matches('TITLE("plastic")', rec)).toBe(false);
    expect(matches('TITLE("marine")', rec)).toBe(true);
    expect(matches('ABS("plastic")', rec)).toBe(true);
    expect(matches('"litter" W/3 "plastic"', rec)).toBe(false);
    expect(matches('TITLE-ABS-KEY("litter" AND "plastic")', rec)).toBe(true);
  });

  it("returns offsets into the text as evidence", () => {
    const text = "Households below the poverty line receive cash transfers.";
    const [span] = matchQuery(parseQuery('"poverty line*"'), prepareText(text));
    expect(text.slice(span!.start, span!.end)).toBe("poverty line");
  });
});
