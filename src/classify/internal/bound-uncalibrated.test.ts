import { describe, expect, it } from "vitest";
import { boundUncalibrated, type Bounded } from "./bound-uncalibrated.ts";

const PARENTS: Record<string, string[]> = { ias: ["cross"], pa: ["cross"], ilc: ["coop"], chpo: ["cross"] };
const broaderOf = (id: string) => PARENTS[id] ?? [];
const s = (id: string, score: number, decision: Bounded["decision"] = "suggest"): Bounded => ({ id, score, decision });

describe("boundUncalibrated", () => {
  it("never badges a label review while a lower-scored one is suggested", () => {
    // The shape seen on a long report: six leaves above threshold fill the cap, a seventh (0.79) is
    // demoted, and the implied parents sit just over their threshold (0.72).
    const block = [
      s("ilc", 0.9998),
      s("ias", 0.9985),
      s("mar", 0.98),
      s("pa", 0.97),
      s("abs", 0.93),
      s("cpb", 0.85),
      s("chpo", 0.79),
      s("coop", 0.72),
      s("cross", 0.72),
      s("dsi", 0.5, "review"),
    ];
    const out = boundUncalibrated(block, 6, broaderOf);
    const decision = new Map(out.map((o) => [o.id, o.decision]));
    expect(decision.get("chpo")).toBe("review");
    expect(decision.get("cross")).toBe("suggest");
    expect(decision.get("coop")).toBe("suggest");
    const lowestSuggested = Math.min(...out.filter((o) => o.decision === "suggest").map((o) => o.score));
    const highestOther = Math.max(...out.filter((o) => o.decision !== "suggest").map((o) => o.score));
    expect(lowestSuggested).toBeGreaterThan(highestOther);
    // A parent scores as high as its best suggested child, and the block stays sorted.
    expect(out.find((o) => o.id === "cross")?.score).toBe(0.9985);
    expect(out.map((o) => o.score)).toEqual([...out.map((o) => o.score)].sort((a, b) => b - a));
  });

  it("keeps labels tied with the last suggested one, and drops those past twice the cap", () => {
    const block = [s("a", 0.9), s("b", 0.8), s("c", 0.8), s("d", 0.7), s("e", 0.6), s("f", 0.5)];
    const out = boundUncalibrated(block, 2, broaderOf);
    expect(out.map((o) => [o.id, o.decision])).toEqual([
      ["a", "suggest"],
      ["b", "suggest"],
      ["c", "suggest"],
      ["d", "review"],
      ["e", "none"],
      ["f", "none"],
    ]);
  });
});
