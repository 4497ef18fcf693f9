/**
 * The held-out checks of the last full eval (`npm run eval`): each check's outputs are kept in
 * `<latest>/checks/<name>/`, apart from the per-space latest evals, and summarised for the API.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "../errors.ts";
import { type LatestEval, readLatestEval, writeEvalOutputs } from "./outputs.ts";
import type { EvalReportFile } from "./types.ts";

export const CHECKS_DIR = "checks";

/** A check's name doubles as a folder name, so it is kept to what cannot leave the folder. */
const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface CheckSummary {
  name: string;
  labelSpace: string;
  dataset: string;
  trainedOn?: string;
  createdAt: string;
  classifierVersion: string;
  n: number;
  precisionAt1: number;
  recallAt3: number;
  /** Micro figures and balanced accuracy with `suggest` as the decision. */
  microF1: number;
  microPrecision: number;
  microRecall: number;
  balancedAccuracy?: number;
  /** Suggested gold labels whose first passage is the sentence the dataset names (sets that name them). */
  evidenceRate?: number;
  perLanguage: Array<{ language: string; n: number; precisionAt1: number; recallAt3: number; microF1: number }>;
}

const checkDir = (root: string, name: string) => {
  if (!NAME.test(name)) throw new AppError("bad_request", `Not a check name: ${name}`);
  return join(root, CHECKS_DIR, name);
};

export async function writeLatestCheck(root: string, name: string, file: EvalReportFile, html: string): Promise<void> {
  await writeEvalOutputs(checkDir(root, name), file, html);
}

/** One check's latest outputs; undefined for a name that is not a check (or has not run). */
export async function readLatestCheck(root: string, name: string): Promise<LatestEval | undefined> {
  return NAME.test(name) ? readLatestEval(checkDir(root, name)) : undefined;
}

function summarise(name: string, m: EvalReportFile): CheckSummary {
  const s = m.summary;
  return {
    name,
    labelSpace: m.meta.labelSpace ?? "gbf",
    dataset: m.meta.dataset,
    ...(m.meta.trainedOn ? { trainedOn: m.meta.trainedOn } : {}),
    createdAt: m.meta.createdAt,
    classifierVersion: m.meta.classifierVersion,
    n: s.n,
    precisionAt1: s.precisionAt1,
    recallAt3: s.recallAt3,
    microF1: s.microF1.suggest,
    microPrecision: s.microPrecision.suggest,
    microRecall: s.microRecall.suggest,
    ...(s.balancedAccuracy ? { balancedAccuracy: s.balancedAccuracy.suggest } : {}),
    ...(s.evidence ? { evidenceRate: s.evidence.rate } : {}),
    perLanguage: m.perLanguage.map(({ language, n, precisionAt1, recallAt3, microF1 }) => ({
      language,
      n,
      precisionAt1,
      recallAt3,
      microF1,
    })),
  };
}

/** Every check of the last full eval, in name order; empty before one has run. */
export async function readLatestChecks(root: string): Promise<CheckSummary[]> {
  let names: string[];
  try {
    names = (await readdir(join(root, CHECKS_DIR), { withFileTypes: true }))
      .filter((d) => d.isDirectory() && NAME.test(d.name))
      .map((d) => d.name)
      .sort();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new AppError("internal", `Cannot list the eval checks in ${root}`, { cause });
  }
  const out: CheckSummary[] = [];
  for (const name of names) {
    const latest = await readLatestEval(join(root, CHECKS_DIR, name));
    if (latest) out.push(summarise(name, latest.metrics));
  }
  return out;
}
