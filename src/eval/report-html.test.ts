import { describe, expect, it } from "vitest";
import type { Suggestion } from "../classify/types.ts";
import { computeMetrics } from "./metrics.ts";
import { renderReport, renderReportBody } from "./report-html.ts";
import type { EvalMeta, EvalRecord } from "./types.ts";

const SPACE = ["GBF-GOAL-A", "GBF-TARGET-01", "GBF-TARGET-03"];
const evil = `Protected areas <script>alert("x")</script> & "quotes" cover 30% of land`;

function s(id: string, score: number, decision: Suggestion["decision"], evidence = ""): Suggestion {
  const start = evil.indexOf(evidence);
  return {
    id,
    space: "gbf",
    score,
    decision,
    evidence: evidence ? [{ start, end: start + evidence.length, text: evidence, signal: "semantic" }] : [],
  };
}
const records: EvalRecord[] = [
  {
    example: { id: "doc-<1>", text: evil, labels: ["GBF-TARGET-03"], language: "en" },
    result: {
      suggestions: [
        s("GBF-TARGET-01", 0.9, "suggest", "<script>alert"),
        s("GBF-TARGET-03", 0.4, "review", "30% of land"),
      ],
      modelId: "m",
      classifierVersion: "v",
      thresholds: { suggest: 0.6 },
    },
  },
  {
    example: { id: "d2", text: "Spatial planning for all areas", labels: ["GBF-TARGET-01"], language: "fr" },
    result: {
      suggestions: [s("GBF-TARGET-01", 0.8, "suggest")],
      modelId: "m",
      classifierVersion: "v",
      thresholds: { suggest: 0.6 },
    },
  },
];
const meta: EvalMeta = {
  dataset: "tiny <dataset>.jsonl",
  mode: "held-out",
  createdAt: "2026-11-27T12:00:00.000Z",
  modelId: "use-lite-512@0.2.0",
  classifierVersion: "v",
  thresholds: [{ scope: "all", values: { suggest: 0.6 } }],
  labelTitles: { "GBF-TARGET-03": "Conserve 30% of land, waters and seas" },
  skippedLines: [{ line: 4, message: "unknown label <X>" }],
};
const metrics = computeMetrics(records, { labelSpace: SPACE });
const html = renderReport(metrics, meta);

describe("renderReport", () => {
  it("draws the three charts as inline SVG with titles", () => {
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('<title id="bars-t">Precision, recall and F1 per label</title>');
    expect(html).toContain("Confusion: gold label by top-1 predicted label");
    expect(html).toContain("Reliability curve");
  });

  it("escapes document text, ids and dataset names", () => {
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("doc-&lt;1&gt;");
    expect(html).toContain("tiny &lt;dataset&gt;.jsonl");
    expect(html).toContain("unknown label &lt;X&gt;");
  });

  it("highlights the evidence inside the error text", () => {
    expect(html).toContain("<mark>&lt;script&gt;alert</mark>");
    expect(html).toContain("<mark>30% of land</mark>");
  });

  it("references no remote resource and runs no script", () => {
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);
  });

  it("is an accessible page: title, headings, table headers, viewport", () => {
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain("<title>chm-lens eval — tiny &lt;dataset&gt;.jsonl");
    expect(html).toContain('name="viewport"');
    for (const h of ["Summary", "Per label", "Per language", "Worst errors", "Run"])
      expect(html).toContain(`>${h}</h2>`);
    expect(html).toContain('<th scope="col">Language</th>');
  });

  it("prints the run facts and the numbers as text", () => {
    expect(html).toContain("use-lite-512@0.2.0");
    expect(html).toContain("suggest 0.600");
    expect(html).toContain("50.0%"); // precision@1: one of two top labels is gold
    expect(html).toContain("T3 — Conserve 30% of land, waters and seas");
  });

  it("exports the body alone for embedding", () => {
    const body = renderReportBody(metrics, meta);
    expect(body.startsWith('<div class="chm-eval">')).toBe(true);
    expect(body).not.toContain("<html");
    expect(body.match(/<svg /g)).toHaveLength(3);
  });
});
