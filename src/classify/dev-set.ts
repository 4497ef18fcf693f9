import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "../errors.ts";
import { DEFAULT_CORPORA_DIR, loadVocabulary } from "../vocab/index.ts";
import type { Vocabulary } from "../vocab/types.ts";
import { parseDatasetJsonl } from "./labelled-jsonl.ts";
import type { LabelledExample } from "./types.ts";

/**
 * Reads labelled examples from a JSONL file (default: the development set), validating each line;
 * a malformed line or an unknown label id throws, naming the line.
 */
export async function loadDevSet(
  corporaDir: string = DEFAULT_CORPORA_DIR,
  opts: { file?: string; vocab?: Vocabulary } = {},
): Promise<LabelledExample[]> {
  const vocab = opts.vocab ?? (await loadVocabulary(corporaDir));
  const file = opts.file ?? join(corporaDir, "gbf-binary-questions.jsonl");
  // The shipped sets must be clean: the first problem (bad JSON, bad field, unknown label, duplicate id) stops the load.
  const { examples, problems } = parseDatasetJsonl(await readFile(file, "utf8"), (id) => vocab.has(id));
  const first = problems[0];
  if (first) {
    const code = first.kind === "unknown_label" ? "unknown_label" : "validation_failed";
    throw new AppError(code, `${file} ${first.message}`);
  }
  return examples;
}
