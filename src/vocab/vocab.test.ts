import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CORPORA_DIR, loadVocabulary, toSkosJsonLd, type Vocabulary } from "./index.ts";

let vocab: Vocabulary;
beforeAll(async () => {
  vocab = await loadVocabulary();
});

describe("loadVocabulary", () => {
  it("has 4 goals, 23 targets, 84 subjects, 20 Aichi targets and 17 SDGs", () => {
    expect(vocab.terms("gbf-goals")).toHaveLength(4);
    expect(vocab.terms("gbf-targets")).toHaveLength(23);
    expect(vocab.terms("cbd-subjects")).toHaveLength(84);
    expect(vocab.terms("aichi-targets")).toHaveLength(20);
    expect(vocab.terms("sdgs")).toHaveLength(17);
    expect(vocab.has("SUSTAINABLE-DEVELOPMENT-GOAL-14")).toBe(true);
    expect(vocab.has("SDG-GOAL-14")).toBe(false);
  });

  it("gives a target its text and labels in six languages", () => {
    const t3 = vocab.get("GBF-TARGET-03")!;
    expect(t3.title.fr).toMatch(/30\s%\sdes zones sont efficacement/u);
    expect(t3.shortTitle.en).toBe("Conserve 30% of Land, Waters and Seas");
    expect(t3.longDescription.en).toMatch(/^Ensure and enable that by 2030 at least 30 per cent/);
    expect(Object.keys(t3.longDescription).sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
  });

  it("prefers the official thesaurus translation where the corpus has one", () => {
    expect(vocab.get("GBF-TARGET-01")!.longDescription.fr).toMatch(/^Veiller à ce que toutes les zones/);
  });

  it("groups targets under their goals and subjects under their groups, transitively", () => {
    expect(vocab.goalsOfTarget("GBF-TARGET-03")).toEqual(["GBF-GOAL-A"]);
    expect(vocab.goalsOfTarget("GBF-TARGET-13")).toEqual(["GBF-GOAL-C"]);
    expect(vocab.goalsOfTarget("GBF-TARGET-19")).toEqual(["GBF-GOAL-D"]);
    expect(vocab.get("GBF-GOAL-B")!.narrowerTerms).toEqual([
      "GBF-TARGET-09",
      "GBF-TARGET-10",
      "GBF-TARGET-11",
      "GBF-TARGET-12",
    ]);
    expect(vocab.broaderOf("CBD-SUBJECT-MAR")).toEqual(["CBD-SUBJECT-BIOMES"]);
    expect(vocab.broaderOf("GBF-TARGET-06")).toEqual(["GBF-GOAL-A"]);
    // The reconstruction matches the official narrowerTerms of the BIOMES example term.
    expect(vocab.get("CBD-SUBJECT-BIOMES")!.narrowerTerms).toEqual([
      "CBD-SUBJECT-AGR",
      "CBD-SUBJECT-DSHL",
      "CBD-SUBJECT-FOR",
      "CBD-SUBJECT-WTR",
      "CBD-SUBJECT-ISL",
      "CBD-SUBJECT-MAR",
      "CBD-SUBJECT-MNT",
      "CBD-SUBJECT-PLR",
    ]);
  });

  it("normalises Aichi ids in the crosswalk and drops ids that are not in the thesaurus", () => {
    expect(vocab.crosswalk("GBF-TARGET-05")).toContain("AICHI-TARGET-06");
    expect(vocab.crosswalk("GBF-TARGET-05")).not.toContain("AICHI-TARGET-6");
    const all = vocab.terms("gbf-targets").flatMap((t) => vocab.crosswalk(t.identifier));
    expect(all.every((id) => vocab.has(id))).toBe(true);
    expect(vocab.get("AICHI-TARGET-11")!.relatedTerms).toContain("GBF-TARGET-03");
  });

  it("exports a domain as a SKOS concept scheme", () => {
    const doc = toSkosJsonLd(vocab, "cbd-subjects") as { "@graph": Array<Record<string, unknown>> };
    const mar = doc["@graph"].find((n) => n["skos:notation"] === "CBD-SUBJECT-MAR")!;
    expect(mar["skos:prefLabel"]).toContainEqual({ "@language": "fr", "@value": expect.any(String) });
    expect(mar["skos:broader"]).toEqual([{ "@id": expect.stringMatching(/CBD-SUBJECT-BIOMES$/) }]);
    expect((doc["@graph"][0]!["skos:hasTopConcept"] as unknown[]).length).toBe(6);
  });
});

describe("loadVocabulary on a broken corpus", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "vocab-"));
    await cp(DEFAULT_CORPORA_DIR, dir, { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("rejects a goals file with a malformed entry, naming the file", async () => {
    await writeFile(join(dir, "gbf-goals-targets.json"), JSON.stringify([{ id: "GBF-TARGET-1", kind: "target" }]));
    await expect(loadVocabulary(dir)).rejects.toMatchObject({
      code: "config_invalid",
      message: expect.stringContaining("gbf-goals-targets.json"),
    });
  });
});
