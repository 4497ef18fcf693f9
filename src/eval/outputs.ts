import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "../errors.ts";
import type { EvalReportFile } from "./types.ts";

export const METRICS_FILE = "metrics.json";
export const REPORT_FILE = "report.html";

/**
 * Writes `metrics.json` and `report.html` into `dir` (created if needed). Each file is written
 * beside its target and renamed over it, so a reader (the API's latest-eval route) never sees
 * half a file.
 */
export async function writeEvalOutputs(
  dir: string,
  file: EvalReportFile,
  html: string,
): Promise<{ metricsPath: string; reportPath: string }> {
  await mkdir(dir, { recursive: true });
  const metricsPath = join(dir, METRICS_FILE);
  const reportPath = join(dir, REPORT_FILE);
  const put = async (path: string, content: string) => {
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, content, "utf8");
    await rename(tmp, path);
  };
  await put(reportPath, html);
  await put(metricsPath, `${JSON.stringify(file, null, 2)}\n`);
  return { metricsPath, reportPath };
}

/** The label spaces an eval scores; each run's outputs are also kept in a sub-folder named after it. */
export const EVAL_SPACES = ["gbf", "gbf-targets", "sdg", "subjects"] as const;
export type EvalSpace = (typeof EVAL_SPACES)[number];

/**
 * Writes a run's outputs as the latest eval (`dir`, what `GET /v1/eval/latest` answers) and as the
 * latest of its label space (`dir/<space>`, `?space=`), so an SDG run does not hide the GBF one.
 */
export async function writeLatestEval(
  dir: string,
  space: EvalSpace,
  file: EvalReportFile,
  html: string,
): Promise<void> {
  await writeEvalOutputs(join(dir, space), file, html);
  await writeEvalOutputs(dir, file, html);
}

export interface LatestEval {
  metrics: EvalReportFile;
  reportHtml: string;
}

/**
 * The last eval written to `root` (the `latestDir` given to `runEval`), or with `space` the last
 * of that label space; undefined when none has run yet. A present but unreadable metrics.json throws AppError `internal`.
 */
export async function readLatestEval(root: string, space?: EvalSpace): Promise<LatestEval | undefined> {
  const dir = space === undefined ? root : join(root, space);
  let metricsText: string;
  let reportHtml: string;
  try {
    [metricsText, reportHtml] = await Promise.all([
      readFile(join(dir, METRICS_FILE), "utf8"),
      readFile(join(dir, REPORT_FILE), "utf8"),
    ]);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new AppError("internal", `Cannot read the latest eval in ${dir}`, { cause });
  }
  let metrics: unknown;
  try {
    metrics = JSON.parse(metricsText);
  } catch (cause) {
    throw new AppError("internal", `The latest eval's ${METRICS_FILE} is not valid JSON`, { cause });
  }
  if ((metrics as { schemaVersion?: unknown })?.schemaVersion !== 1) {
    throw new AppError("internal", `The latest eval's ${METRICS_FILE} has an unknown schema version`);
  }
  return { metrics: metrics as EvalReportFile, reportHtml };
}
