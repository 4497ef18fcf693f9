import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CORPORA_DIR } from "../vocab/index.ts";

/**
 * Short passages written in the style of national reports and NBSAPs (not the development-set
 * questions), one or more GBF targets and CBD subjects each, to sanity-check that the classifier
 * generalises to report text. Written for chm-lens; the passages live in
 * `corpora/report-passages.jsonl` (also an eval dataset: `--space gbf-targets` and `--space subjects`),
 * read here for scripts/cv-quick.ts's `--report` table and the classifier test.
 */
export interface ReportPassage {
  text: string;
  /** The passage's GBF targets. */
  labels: string[];
  /** The passage's CBD subjects. */
  subjects: string[];
  language: string;
}

interface Line {
  text: string;
  labels: string[];
  language: string;
}

export const REPORT_PASSAGES: ReportPassage[] = readFileSync(join(DEFAULT_CORPORA_DIR, "report-passages.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Line)
  .map((p) => ({
    text: p.text,
    labels: p.labels.filter((id) => id.startsWith("GBF-")),
    subjects: p.labels.filter((id) => id.startsWith("CBD-SUBJECT-")),
    language: p.language,
  }));
