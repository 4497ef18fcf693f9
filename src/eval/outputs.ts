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

export interface LatestEval {
  metrics: EvalReportFile;
  reportHtml: string;
}

/**
 * The last eval written to `dir` (the `latestDir` given to `runEval`), or undefined when no eval
 * has run yet. A present but unreadable metrics.json throws AppError `internal`.
 */
export async function readLatestEval(dir: string): Promise<LatestEval | undefined> {
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
