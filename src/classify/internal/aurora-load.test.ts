import { describe, expect, it } from "vitest";
import { parseAuroraDescriptions } from "./aurora-load.ts";

const xml = `<aqd:query xmlns:dc="x" xmlns:aqd="y">
  <dc:identifier type="sdg">6</dc:identifier>
  <dc:description>
    Clean, accessible water for all is an essential part of the world we want to live in. Too short here.
    Water scarcity &amp; poor water quality hurt poor families.
  </dc:description>
  <aqd:query-definition>
    <aqd:subquery-descriptions>
      <aqd:subquery-description>
        By 2030, achieve universal and equitable access to safe and affordable drinking water for all
      </aqd:subquery-description>
      <aqd:subquery-description>
        6.1.1
        Proportion of population using safely managed drinking water services
      </aqd:subquery-description>
    </aqd:subquery-descriptions>
  </aqd:query-definition>
</aqd:query>`;

describe("parseAuroraDescriptions", () => {
  it("keeps the goal's narrative sentences and the target wordings, not the indicators", () => {
    expect(parseAuroraDescriptions(xml)).toEqual({
      labelId: "SUSTAINABLE-DEVELOPMENT-GOAL-06",
      texts: [
        "Clean, accessible water for all is an essential part of the world we want to live in.",
        "Water scarcity & poor water quality hurt poor families.",
        "By 2030, achieve universal and equitable access to safe and affordable drinking water for all",
      ],
    });
  });

  it("names the file when the SDG number is missing", () => {
    expect(() => parseAuroraDescriptions("<x/>", "query_SDG99.xml")).toThrow(/query_SDG99\.xml/);
  });
});
