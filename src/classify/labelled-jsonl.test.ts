import { describe, expect, it } from "vitest";
import { parseDatasetJsonl } from "./labelled-jsonl.ts";

const known = new Set(["GBF-TARGET-03", "GBF-TARGET-06"]);
const text = [
  JSON.stringify({ id: "a", text: "Marine protected areas", labels: ["GBF-TARGET-03"], language: "en" }),
  "{not json",
  "",
  JSON.stringify({ id: "b", text: "Invasive rats", labels: ["GBF-TARGET-99"] }),
  JSON.stringify({ id: "c", text: "", labels: ["GBF-TARGET-03"] }),
  JSON.stringify({ id: "a", text: "Again", labels: ["GBF-TARGET-06"] }),
  JSON.stringify({ id: "d", text: "Invasive alien species", labels: ["GBF-TARGET-06", "GBF-TARGET-06"] }),
].join("\n");

describe("parseDatasetJsonl", () => {
  const { examples, problems } = parseDatasetJsonl(text, (id) => known.has(id));

  it("keeps the valid lines", () => {
    expect(examples.map((e) => e.id)).toEqual(["a", "d"]);
    expect(examples[1]!.labels).toEqual(["GBF-TARGET-06"]);
  });

  it("reports each bad line by number with its reason", () => {
    expect(problems.map((p) => p.line)).toEqual([2, 4, 5, 6]);
    expect(problems[0]!.message).toMatch(/^line 2: not valid JSON/);
    expect(problems[1]!.message).toBe("line 4 (id b): unknown label id GBF-TARGET-99");
    expect(problems[2]!.message).toMatch(/^line 5: text:/);
    expect(problems[3]!.message).toBe("line 6: duplicate id a");
  });
});

describe("parseDatasetJsonl with evidence sentences", () => {
  const line = (evidence: Record<string, string>) =>
    JSON.stringify({
      id: "m",
      text: "Two marine parks were gazetted. Rats were eradicated from islands.",
      labels: ["GBF-TARGET-03", "GBF-TARGET-06"],
      evidence,
    });

  it("keeps each gold label's sentence", () => {
    const { examples } = parseDatasetJsonl(line({ "GBF-TARGET-06": "Rats were eradicated from islands." }), (id) =>
      known.has(id),
    );
    expect(examples[0]!.evidence).toEqual({ "GBF-TARGET-06": "Rats were eradicated from islands." });
  });

  it("refuses a sentence the text does not contain, or one for a label the line does not carry", () => {
    const { problems } = parseDatasetJsonl(
      [
        line({ "GBF-TARGET-06": "Goats were removed." }),
        line({ "GBF-TARGET-01": "Two marine parks were gazetted." }),
      ].join("\n"),
      (id) => known.has(id),
    );
    expect(problems.map((p) => p.message)).toEqual([
      "line 1 (id m): evidence for GBF-TARGET-06 is not a passage of the text",
      "line 2 (id m): evidence for GBF-TARGET-01, which is not one of the line's labels",
    ]);
  });
});
