import { describe, expect, it } from "vitest";
import { classifierStatus, deferClassifier, readyClassifier } from "./deferred.ts";
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

  it("reports loading, then ready, and hands out the real classifier only once ready", async () => {
    let resolve!: (c: Classifier) => void;
    const d = deferClassifier("v1", new Promise<Classifier>((r) => (resolve = r)));
    expect(d.status).toBe("loading");
    expect(classifierStatus(d)).toBe("loading");
    expect(readyClassifier(d)).toBeUndefined();
    resolve(fake);
    await d.loaded;
    expect(d.status).toBe("ready");
    expect(readyClassifier(d)).toBe(fake);
  });

  it("reports failed when loading throws or yields nothing", async () => {
    const thrown = deferClassifier("v1", Promise.reject(new Error("boom")));
    const empty = deferClassifier("v1", Promise.resolve(undefined));
    await Promise.all([thrown.loaded, empty.loaded]);
    expect(thrown.status).toBe("failed");
    expect(empty.status).toBe("failed");
    expect(readyClassifier(empty)).toBeUndefined();
  });

  it("treats a plain classifier as ready and a missing one as failed", () => {
    expect(classifierStatus(fake)).toBe("ready");
    expect(readyClassifier(fake)).toBe(fake);
    expect(classifierStatus(undefined)).toBe("failed");
  });
});
