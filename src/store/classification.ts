import { z } from "zod";
import { AppError } from "../errors.ts";

const EvidenceSchema = z
  .object({
    chunkId: z.string().optional(),
    page: z.number().int().optional(),
    start: z.number(),
    end: z.number(),
    text: z.string(),
    signal: z.enum(["semantic", "lexical", "example"]),
  })
  .loose();

/**
 * The classification a document row carries (suggestions with evidence, model id, classifier
 * version, thresholds), checked at the store boundary on every write and read. Loose objects:
 * fields a newer classifier adds pass through unchanged.
 */
export const StoredClassificationSchema = z
  .object({
    suggestions: z.array(
      z
        .object({
          id: z.string(),
          space: z.enum(["gbf", "subject", "sdg"]),
          score: z.number(),
          decision: z.enum(["suggest", "review", "none"]),
          evidence: z.array(EvidenceSchema),
        })
        .loose(),
    ),
    modelId: z.string(),
    classifierVersion: z.string(),
    thresholds: z.record(z.string(), z.number()),
  })
  .loose();

export type StoredClassification = z.infer<typeof StoredClassificationSchema>;

type Checked = { value: StoredClassification; problem?: undefined } | { value?: undefined; problem: string };

function check(json: string): Checked {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { problem: "not JSON" };
  }
  const parsed = StoredClassificationSchema.safeParse(value);
  if (parsed.success) return { value: parsed.data };
  const problem = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
  return { problem };
}

/** Why a classification text is not a valid classification, or undefined when it is (or is empty). */
export function classificationProblem(json: string): string | undefined {
  return json === "" ? undefined : check(json).problem;
}

/** Throws `validation_failed` unless `json` is empty (unclassified) or a valid classification. */
export function checkClassification(documentId: string, json: string): string {
  const problem = classificationProblem(json);
  if (problem) {
    throw new AppError("validation_failed", `Document ${documentId} has an invalid classification: ${problem}`, {
      details: { documentId, problem },
    });
  }
  return json;
}

/**
 * The one place a document's classification is parsed: the typed result, or undefined when the
 * document is unclassified. Store reads are validated already, but records built elsewhere (a
 * fresh classification, a test, an older copy) may not be: an invalid one is reported with a
 * `CHM_INVALID_CLASSIFICATION` process warning naming the document and read as unclassified.
 *
 * @example
 * const cls = classificationOf(doc);
 * const modelId = cls?.modelId ?? "none";
 */
export function classificationOf(doc: { id?: string; classificationJson: string }): StoredClassification | undefined {
  if (!doc.classificationJson) return undefined;
  const { value, problem } = check(doc.classificationJson);
  if (problem !== undefined) {
    process.emitWarning(
      `Document ${doc.id ?? "(unsaved)"} has an invalid classification (${problem}); reading it as unclassified`,
      { code: "CHM_INVALID_CLASSIFICATION" },
    );
  }
  return value;
}
