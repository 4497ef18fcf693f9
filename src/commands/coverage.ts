import type { Services } from "../app.ts";
import {
  countrySummary,
  countrySummaryCsv,
  countrySummaryHtml,
  coverageCsv,
  type TagSource,
} from "../coverage/index.ts";
import { AppError } from "../errors.ts";
import type { CommandIo } from "./io.ts";

export interface CoverageArgs {
  country?: string[];
  target?: string[];
  type?: string[];
  by: "country" | "target";
  tagSource: TagSource;
  /** One country's per-target summary instead of the matrix. */
  summary: boolean;
  format: "csv" | "json" | "html";
}

/**
 * `cli coverage`: the coverage matrix (CSV or JSON), or with `--summary` one country's evidence
 * per GBF target (CSV, JSON or HTML), from the same service as `GET /v1/coverage`.
 */
export async function runCoverage(
  services: Pick<Services, "insights">,
  args: CoverageArgs,
  io: CommandIo,
): Promise<number> {
  const { coverage, countries } = services.insights;
  if (args.summary) {
    const country = args.country?.[0];
    if (!country || args.country!.length !== 1)
      throw new AppError("validation_failed", "--summary needs exactly one --country");
    const s = await countrySummary(coverage, countries, { country, tagSource: args.tagSource });
    io.out(
      args.format === "csv"
        ? countrySummaryCsv(s).trimEnd()
        : args.format === "html"
          ? countrySummaryHtml(s, (id) => `/#/documents/${encodeURIComponent(id)}`)
          : JSON.stringify(s, null, 2),
    );
    return 0;
  }
  if (args.format === "html") throw new AppError("validation_failed", "--format html is for --summary only");
  const report = await coverage.coverage({
    by: args.by,
    country: args.country,
    target: args.target,
    type: args.type,
    tagSource: args.tagSource,
  });
  io.out(args.format === "csv" ? coverageCsv(report).trimEnd() : JSON.stringify(report, null, 2));
  return 0;
}
