import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { DEFAULT_CORPORA_DIR, loadVocabulary } from "../vocab/index.ts";
import type { Vocabulary } from "../vocab/types.ts";
import type { LabelledExample } from "./types.ts";

const lineSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  labels: z.array(z.string().min(1)).min(1),
  language: z.string().optional(),
  key: z.string().optional(),
  genre: z.string().optional(),
});

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
  const lines = (await readFile(file, "utf8")).split("\n");
  const out: LabelledExample[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new AppError("validation_failed", `${file} line ${i + 1}: not valid JSON`);
    }
    const r = lineSchema.safeParse(parsed);
    if (!r.success)
      throw new AppError(
        "validation_failed",
        `${file} line ${i + 1}: ${r.error.issues[0]!.path.join(".")} ${r.error.issues[0]!.message}`,
      );
    const unknown = r.data.labels.find((l) => !vocab.has(l));
    if (unknown) throw new AppError("unknown_label", `${file} line ${i + 1}: unknown label ${unknown}`);
    out.push(r.data);
  });
  return out;
}
