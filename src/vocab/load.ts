import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { AppError } from "../errors.ts";
import { buildTerms } from "./internal/build-terms.ts";
import { crosswalkSchema, goalsTargetsSchema, labelsSchema, officialSchema } from "./internal/schemas.ts";
import type { Term, VocabDomain, Vocabulary } from "./types.ts";

/** `<repo>/corpora`, resolved from this file so it works from any working directory. */
export const DEFAULT_CORPORA_DIR = fileURLToPath(new URL("../../corpora/", import.meta.url));

async function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, file), "utf8"));
  } catch (cause) {
    throw new AppError("config_invalid", `Cannot read vocabulary file ${file}: ${(cause as Error).message}`, { cause });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new AppError("config_invalid", `Invalid vocabulary file ${file}: ${problems.join("; ")}`, {
      details: problems,
    });
  }
  return parsed.data;
}

/**
 * Loads the GBF goals/targets, CBD subjects, Aichi targets and SDGs from `corpora/`, validating
 * every file (a broken file throws AppError `config_invalid` naming it).
 * @example const vocab = await loadVocabulary(); vocab.get("GBF-TARGET-03")?.title.fr
 */
export async function loadVocabulary(corporaDir: string = DEFAULT_CORPORA_DIR): Promise<Vocabulary> {
  const [gt, labels, crosswalkFile, official] = await Promise.all([
    readJson(corporaDir, "gbf-goals-targets.json", goalsTargetsSchema),
    readJson(corporaDir, "thesaurus-labels-6lang.json", labelsSchema),
    readJson(corporaDir, "gbf-crosswalk.json", crosswalkSchema),
    readJson(corporaDir, "thesaurus-official.json", officialSchema),
  ]);
  const { terms, crosswalk } = buildTerms(gt, labels, crosswalkFile, official);
  return createVocabulary(terms, crosswalk);
}

/** A Vocabulary over already-built terms (tests and tools may build their own). */
export function createVocabulary(terms: Term[], crosswalk: Map<string, string[]> = new Map()): Vocabulary {
  const byId = new Map(terms.map((t) => [t.identifier, t]));
  const order: VocabDomain[] = ["gbf-goals", "gbf-targets", "cbd-subjects", "aichi-targets", "sdgs"];
  const byDomain = new Map(order.map((d) => [d, terms.filter((t) => t.domain === d)]));
  const broaderOf = (id: string): string[] => {
    const out: string[] = [];
    const queue = [...(byId.get(id)?.broaderTerms ?? [])];
    while (queue.length) {
      const next = queue.shift()!;
      if (out.includes(next)) continue;
      out.push(next);
      queue.push(...(byId.get(next)?.broaderTerms ?? []));
    }
    return out;
  };
  return {
    domains: () => order.filter((d) => (byDomain.get(d) ?? []).length > 0),
    terms: (domain) => byDomain.get(domain) ?? [],
    get: (id) => byId.get(id),
    has: (id) => byId.has(id),
    goalsOfTarget: (id) => (byId.get(id)?.domain === "gbf-targets" ? broaderOf(id) : []),
    broaderOf,
    crosswalk: (id) => crosswalk.get(id) ?? [],
  };
}
