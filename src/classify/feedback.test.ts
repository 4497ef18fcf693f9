import { describe, expect, it } from "vitest";
import type { FeedbackRecord } from "../store/types.ts";
import { examplesFromFeedback } from "./feedback.ts";

const fb = (
  documentId: string,
  labelId: string,
  action: FeedbackRecord["action"],
  createdAt: string,
): FeedbackRecord => ({
  id: `${documentId}-${labelId}-${createdAt}`,
  documentId,
  labelId,
  action,
  user: "u",
  modelId: "m",
  classifierVersion: "v",
  createdAt,
});

describe("examplesFromFeedback", () => {
  const evidence = (doc: string, label: string) =>
    doc === "d1"
      ? label === "GBF-TARGET-03"
        ? "Parks cover 20% of land."
        : "Rats were removed from islands."
      : undefined;

  it("turns accepts and adds into positives, rejects into unlabelled negatives, skipping unknown evidence", () => {
    const out = examplesFromFeedback(
      [
        fb("d1", "GBF-TARGET-03", "accept", "1"),
        fb("d1", "GBF-TARGET-06", "reject", "2"),
        fb("d2", "GBF-TARGET-01", "add", "3"),
      ],
      evidence,
    );
    expect(out).toHaveLength(2);
    expect(out.find((e) => e.text.startsWith("Parks"))!.labels).toEqual(["GBF-TARGET-03"]);
    expect(out.find((e) => e.text.startsWith("Rats"))!.labels).toEqual([]);
    expect(new Set(out.map((e) => e.key))).toEqual(new Set(["feedback-d1"]));
  });

  it("lets the latest decision on a label win", () => {
    const out = examplesFromFeedback(
      [fb("d1", "GBF-TARGET-03", "reject", "2"), fb("d1", "GBF-TARGET-03", "accept", "1")],
      evidence,
    );
    expect(out[0]!.labels).toEqual([]);
  });
});
