import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeLatestCheck, writeLatestEval } from "../eval/index.ts";
import { titleCheckFile } from "../../test/helpers/check-file.ts";
import { makeKit, type Kit } from "./internal/test-kit.ts";

let kit: Kit;
afterEach(async () => kit?.cleanup());

describe("vocabularies and eval", () => {
  it("lists domains and serves terms in the thesaurus shape or as SKOS", async () => {
    kit = await makeKit();
    const list = await (await kit.app.request("/v1/vocabularies")).json();
    expect(list.domains).toContainEqual({ domain: "gbf-targets", terms: 23 });
    const terms = await (await kit.app.request("/v1/vocabularies/gbf-targets")).json();
    expect(terms).toHaveLength(23);
    expect(terms[0]).toMatchObject({ identifier: "GBF-TARGET-01", domain: "gbf-targets" });
    expect(terms[0].title.en).toContain("GBF-T01");
    const skos = await kit.app.request("/v1/vocabularies/gbf-goals?format=skos");
    expect(skos.status).toBe(200);
    expect(skos.headers.get("content-type")).toContain("application/ld+json");
    expect(JSON.stringify(await skos.json())).toContain("GBF-GOAL-A");
    const bad = await kit.app.request("/v1/vocabularies/planets");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("validation_failed");
  });

  it("answers 404 before any eval ran, then the metrics of the last run", async () => {
    kit = await makeKit();
    const none = await kit.app.request("/v1/eval/latest");
    expect(none.status).toBe(404);
    expect((await none.json()).error.code).toBe("not_found");
    await mkdir(kit.config.EVAL_DIR, { recursive: true });
    await writeFile(
      join(kit.config.EVAL_DIR, "metrics.json"),
      JSON.stringify({ schemaVersion: 1, metrics: { microF1: 0.5 } }),
    );
    await writeFile(join(kit.config.EVAL_DIR, "report.html"), "<html></html>");
    const res = await kit.app.request("/v1/eval/latest");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ schemaVersion: 1, metrics: { microF1: 0.5 } });
  });

  it("answers the latest eval of one label space with ?space=, and 400 for a space it does not know", async () => {
    kit = await makeKit();
    const file = (n: number) => ({ schemaVersion: 1, summary: { n } }) as never;
    await writeLatestEval(kit.config.EVAL_DIR, "sdg", file(491), "<p>sdg</p>");
    await writeLatestEval(kit.config.EVAL_DIR, "gbf", file(454), "<p>gbf</p>");
    expect(await (await kit.app.request("/v1/eval/latest")).json()).toMatchObject({ summary: { n: 454 } });
    expect(await (await kit.app.request("/v1/eval/latest?space=sdg")).json()).toMatchObject({ summary: { n: 491 } });
    const none = await kit.app.request("/v1/eval/latest?space=subjects");
    expect(none.status).toBe(404);
    expect((await none.json()).error.message).toContain("subjects");
    const bad = await kit.app.request("/v1/eval/latest?space=planets");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("space");
    const report = await kit.app.request("/ui/eval-report?space=sdg");
    expect(await report.text()).toContain("sdg");
  });

  it("lists the held-out checks of the last full eval with their figures per language, and serves each one's report", async () => {
    kit = await makeKit();
    expect(await (await kit.app.request("/v1/eval/checks")).json()).toEqual({ checks: [] });
    await writeLatestCheck(kit.config.EVAL_DIR, "gbf-titles", titleCheckFile(), "<p>the titles report</p>");
    const { checks } = await (await kit.app.request("/v1/eval/checks")).json();
    expect(checks).toEqual([
      {
        name: "gbf-titles",
        labelSpace: "gbf-targets",
        dataset: "gbf-title-check.jsonl",
        createdAt: "2026-11-30T06:00:00.000Z",
        classifierVersion: "gbf-fusion-1.6.1",
        n: 69,
        precisionAt1: 0.928,
        recallAt3: 0.971,
        microF1: 0.9,
        microPrecision: 0.9,
        microRecall: 0.9,
        balancedAccuracy: 0.9,
        evidenceRate: 0.95,
        perLanguage: [{ language: "fr", n: 12, precisionAt1: 1, recallAt3: 1, microF1: 0.96 }],
      },
    ]);
    expect(await (await kit.app.request("/ui/eval-report?check=gbf-titles")).text()).toContain("titles report");
    expect((await kit.app.request("/ui/eval-report?check=..%2Fsdg")).status).toBe(404);
  });
});
