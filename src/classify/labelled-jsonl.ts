import { z } from "zod";
import type { LabelledExample } from "./types.ts";

const lineSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  labels: z.array(z.string().min(1)).min(1),
  language: z.string().min(2).optional(),
  key: z.string().min(1).optional(),
  genre: z.string().min(1).optional(),
  evidence: z.record(z.string().min(1), z.string().min(1)).optional(),
});

/** A dataset line that was skipped, with a message a person can act on. */
export interface DatasetProblem {
  /** 1-based line number in the file. */
  line: number;
  kind: "json" | "field" | "unknown_label" | "duplicate";
  message: string;
}

export interface ParsedDataset {
  examples: LabelledExample[];
  problems: DatasetProblem[];
}

/**
 * The one reader of labelled JSON Lines (the development sets, eval datasets). Parses
 * JSON Lines (`{"id","text","labels":[...],"language"?,"genre"?,"evidence"?}` per line; `evidence`
 * maps a gold label to the passage of the text that states it, for the eval's evidence check).
 * A malformed line, a duplicate id or an unknown label id skips that line and is reported;
 * the rest are kept. Blank lines are ignored.
 *
 * @example parseDatasetJsonl(text, (id) => vocab.has(id))
 */
export function parseDatasetJsonl(text: string, isKnownLabel: (id: string) => boolean): ParsedDataset {
  const examples: LabelledExample[] = [];
  const problems: DatasetProblem[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (cause) {
      problems.push({ line, kind: "json", message: `line ${line}: not valid JSON (${(cause as Error).message})` });
      return;
    }
    const parsed = lineSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((is) => `${is.path.join(".") || "line"}: ${is.message}`).join("; ");
      problems.push({ line, kind: "field", message: `line ${line}: ${issues}` });
      return;
    }
    const ex = parsed.data;
    const unknown = ex.labels.filter((l) => !isKnownLabel(l));
    if (unknown.length > 0) {
      problems.push({
        line,
        kind: "unknown_label",
        message: `line ${line} (id ${ex.id}): unknown label id ${unknown.join(", ")}`,
      });
      return;
    }
    const evidenceProblem = Object.entries(ex.evidence ?? {})
      .map(([label, passage]) =>
        !ex.labels.includes(label)
          ? `evidence for ${label}, which is not one of the line's labels`
          : !ex.text.includes(passage)
            ? `evidence for ${label} is not a passage of the text`
            : undefined,
      )
      .find(Boolean);
    if (evidenceProblem) {
      problems.push({ line, kind: "field", message: `line ${line} (id ${ex.id}): ${evidenceProblem}` });
      return;
    }
    if (seen.has(ex.id)) {
      problems.push({ line, kind: "duplicate", message: `line ${line}: duplicate id ${ex.id}` });
      return;
    }
    seen.add(ex.id);
    examples.push({ ...ex, labels: [...new Set(ex.labels)] });
  });
  return { examples, problems };
}
