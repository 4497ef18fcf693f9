// The first start trains the classifier for about a minute: the page says so, with progress.
import { describe, expect, it } from "vitest";
import { readyMessage } from "./ready-banner.js";

describe("readyMessage", () => {
  it("names the stage and how far it has got while loading, and nothing once ready", () => {
    expect(readyMessage({ status: "loading", progress: { stage: "examples", done: 640, total: 2100 } })).toMatch(
      /training on first start.*learning from the labelled examples: 640 of 2100 \(30 %\)/,
    );
    expect(readyMessage({ status: "loading" })).toMatch(/training on first start.*starting/);
    expect(readyMessage({ status: "failed" })).toMatch(/could not be loaded/);
    expect(readyMessage({ status: "ready" })).toBe("");
  });
});
