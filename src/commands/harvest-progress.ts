import cliProgress from "cli-progress";
import type { RecordOutcome } from "../harvest/index.ts";

/** Live bars for `harvest`: records read from the source, and their documents ingested. */
export interface HarvestBars {
  record(outcome: RecordOutcome): void;
  documentDone(): void;
  stop(): void;
}

export function startHarvestBars(tty: NodeJS.WriteStream | undefined): HarvestBars {
  const counts = { new: 0, updated: 0, unchanged: 0, failed: 0 };
  let enqueued = 0;
  const multibar = tty?.isTTY
    ? new cliProgress.MultiBar(
        { stream: tty, hideCursor: true, clearOnComplete: false, format: "{label} [{bar}] {value}/{total} {info}" },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const records = multibar?.create(1, 0, { label: "records  ", info: "" });
  const documents = multibar?.create(1, 0, { label: "ingested ", info: "" });
  const info = () =>
    `| new ${counts.new} | updated ${counts.updated} | unchanged ${counts.unchanged} | failed ${counts.failed}`;
  let seen = 0;
  return {
    record(outcome) {
      counts[outcome.status]++;
      seen++;
      records?.setTotal(seen);
      records?.update(seen, { info: info() });
      if (outcome.jobId) documents?.setTotal(++enqueued);
    },
    documentDone() {
      documents?.increment(1);
    },
    stop() {
      multibar?.stop();
    },
  };
}
