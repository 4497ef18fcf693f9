import { describe, expect, it } from "vitest";
import { explicitMentions, liftByMentions } from "./mentions.ts";

const ids = (text: string) => explicitMentions(text).map((m) => m.labelId.replace("GBF-", ""));

describe("explicitMentions", () => {
  it("finds cited GBF targets in the six languages, lists and ranges included", () => {
    expect(ids("Progress towards Target 18: a study was commissioned.")).toEqual(["TARGET-18"]);
    expect(ids("Contributes to GBF Targets 1–3 and 8.")).toEqual(["TARGET-01", "TARGET-02", "TARGET-03", "TARGET-08"]);
    expect(ids("La cible 3 a été atteinte.")).toEqual(["TARGET-03"]);
    expect(ids("Las metas 1 a 3 del Marco.")).toEqual(["TARGET-01", "TARGET-02", "TARGET-03"]);
    expect(ids("Целевая задача 3 выполняется.")).toEqual(["TARGET-03"]);
    expect(ids("行动目标3和目标4")).toEqual(["TARGET-03", "TARGET-04"]);
    expect(ids("Goal B of the framework")).toEqual(["GOAL-B"]);
  });

  it("skips Aichi and SDG targets, years and numbers outside 1–23", () => {
    expect(ids("Aichi Biodiversity Target 11 was met.")).toEqual([]);
    expect(ids("This supports SDG target 15.1 and Aichi Strategic Goal A.")).toEqual([]);
    expect(ids("The 2030 target 2030 is ambitious; target 24 is national.")).toEqual([]);
    expect(ids("La meta 11 de Aichi y el 可持续发展目标1; a target 2 million hectares.")).toEqual([]);
  });

  it("counts a national target with the same number for less than a GBF one", () => {
    const [national, gbf] = explicitMentions("National Target 3 aligns with GBF Target 3.");
    expect(national!.labelId).toBe("GBF-TARGET-03");
    expect(national!.strength).toBeLessThan(gbf!.strength);
  });

  it("lifts a score towards 1 by the strongest mention only", () => {
    expect(liftByMentions(0.2, [0.5, 0.75])).toBeCloseTo(0.8);
    expect(liftByMentions(0.2, [])).toBe(0.2);
  });
});

describe("lists of targets", () => {
  it("weakens a short list and ignores a long one, as in a table of contents", () => {
    const single = explicitMentions("Progress towards Target 3 was strong.")[0]!;
    const short = explicitMentions("Contributes to GBF Targets 1–3 and 8.");
    expect(short[0]!.strength).toBeLessThan(single.strength);
    expect(short[0]!.strength).toBeGreaterThan(0);
    expect(explicitMentions("Section II of this report covers Targets 9 to 23.")).toEqual([]);
  });
});
