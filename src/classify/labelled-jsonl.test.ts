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
