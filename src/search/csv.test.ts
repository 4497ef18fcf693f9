import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.ts";

describe("toCsv", () => {
  it("quotes per RFC 4180 and ends rows with CRLF", () => {
    expect(
      toCsv([
        ["a", "b,c"],
        ['say "hi"', 2],
      ]),
    ).toBe('a,"b,c"\r\n"say ""hi""",2\r\n');
  });

  it("defuses text cells a spreadsheet would run as formulas, but not numbers", () => {
    expect(toCsv([["=SUM(A1)", "+1", "-x", "@cmd", -3]])).toBe("'=SUM(A1),'+1,'-x,'@cmd,-3\r\n");
  });
});
