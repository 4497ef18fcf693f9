import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import type { Vocabulary } from "../../vocab/types.ts";

const phrases = z.array(z.string().trim().min(1)).optional();
const entry = z.object({ en: phrases, fr: phrases, es: phrases, ar: phrases, ru: phrases, zh: phrases }).strict();
const fileSchema = z.record(z.string(), z.union([entry, z.string()]));

export interface KeywordPhrase {
  lang: string;
  phrase: string;
}

/** label id → its curated phrases in every language. */
export type KeywordTable = Map<string, KeywordPhrase[]>;

/**
 * Reads every `corpora/keywords/*.json`; each file maps vocabulary ids to phrases per language.
 * Keys starting with `_` are comments. An id that is not in the vocabulary is an error.
 */
export async function loadKeywords(dir: string, vocab: Vocabulary): Promise<KeywordTable> {
  const table: KeywordTable = new Map();
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  for (const file of files) {
    const parsed = fileSchema.safeParse(JSON.parse(await readFile(join(dir, file), "utf8")));
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`);
      throw new AppError("config_invalid", `Invalid keyword file ${file}: ${problems.join("; ")}`);
    }
    for (const [id, value] of Object.entries(parsed.data)) {
      if (id.startsWith("_") || typeof value === "string") continue;
      if (!vocab.has(id)) throw new AppError("unknown_label", `Keyword file ${file} names unknown label ${id}`);
      const list = table.get(id) ?? [];
      for (const [lang, items] of Object.entries(value)) {
        for (const phrase of items ?? []) list.push({ lang, phrase });
      }
      table.set(id, list);
    }
  }
  return table;
}
