import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { METRICS_FILE, type EvalReportFile } from "../eval/index.ts";
import type { CommandIo } from "./io.ts";
import { type EvalArgs, type EvalDeps, runEval } from "./eval.ts";

/** The spaces `npm run eval` scores, GBF last so that it stays the latest eval the API shows first. */
const ALL: Array<NonNullable<EvalArgs["space"]>> = ["sdg", "subjects", "gbf"];

const pct = (x: number | undefined) => (x === undefined ? "  —  " : `${(100 * x).toFixed(1)}%`.padStart(6));

/**
 * `npm run eval` with no `--space`: the GBF dev set (cross-validated), the SDG set (cross-validated)
 * and the CBD subjects (the labelled report passages), each written to `out/<space>/` and kept as
 * the latest eval of its space; ends with one table of the three. Returns 0 when every space ran.
 */
export async function runEvalAll(
  deps: EvalDeps,
  args: Pick<EvalArgs, "out" | "k" | "seed">,
  io: CommandIo,
): Promise<number> {
  const out = args.out ?? "eval-output";
  const rows: string[] = [];
  let code = 0;
  for (const space of ALL) {
    if (space === "sdg" && !deps.sdgDevSet?.length) {
      io.err("sdg: skipped, no SDG development set was loaded.");
      code = 1;
      continue;
    }
    io.out(`\n=== ${space} ===`);
    const dir = join(out, space);
    const ran = await runEval(deps, { ...args, out: dir, space }, io);
    if (ran !== 0) {
      code = ran;
      continue;
    }
    const file = JSON.parse(await readFile(join(dir, METRICS_FILE), "utf8")) as EvalReportFile;
    const s = file.summary;
    rows.push(
      [
        space.padEnd(9),
        file.meta.dataset.padEnd(34),
        String(s.n).padStart(5),
        pct(s.precisionAt1),
        pct(s.recallAt3),
        pct(s.microF1.suggest),
        pct(s.microPrecision.suggest),
        pct(s.microRecall.suggest),
        pct(s.balancedAccuracy?.suggest),
      ].join("  "),
    );
  }
  io.out(
    [
      "",
      "=== all spaces (decision suggest) ===",
      `${"space".padEnd(9)}  ${"dataset".padEnd(34)}  ${"n".padStart(5)}  ${"P@1".padStart(6)}  ${"R@3".padStart(6)}  ${"F1".padStart(6)}  ${"P".padStart(6)}  ${"R".padStart(6)}  balanced`,
      ...rows,
      `per-space reports: ${join(out, "<space>", "report.html")}`,
    ].join("\n"),
  );
  return code;
}
