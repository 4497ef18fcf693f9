import { describe, expect, it } from "vitest";
import { deferClassifier } from "./deferred.ts";
import type { Classifier } from "./types.ts";

const result = { suggestions: [], modelId: "m", classifierVersion: "v2", thresholds: {} };
const fake: Classifier = { version: "v2", classifyText: async () => result, classifyChunks: async () => result };

describe("deferClassifier", () => {
  it("waits for the classifier being loaded, then answers with it", async () => {
    let resolve!: (c: Classifier) => void;
    const d = deferClassifier("v1", new Promise<Classifier>((r) => (resolve = r)));
    expect(d.ready).toBe(false);
    const pending = d.classifyText("text");
    resolve(fake);
    await expect(pending).resolves.toBe(result);
    expect(d.ready).toBe(true);
    expect(d.version).toBe("v2");
  });

  it("fails calls with model_unavailable when loading failed", async () => {
    const d = deferClassifier("v1", Promise.reject(new Error("boom")));
    await expect(d.classifyChunks([{ text: "x" }])).rejects.toMatchObject({ code: "model_unavailable" });
    await expect(d.loaded).resolves.toBeUndefined();
  });
});
