import cliProgress from "cli-progress";
import type { PullProgress } from "../../src/embed/index.ts";

const mb = (bytes: number) =>
  bytes < 1_048_576 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`;

/**
 * Draws one progress bar per downloaded file on stderr and, once a file is done, prints its
 * sha256 (marked "pinned" when the manifest verified it, so unpinned hashes can be copied
 * into `src/embed/internal/model-manifest.ts`).
 */
export function createProgressBars(): PullProgress {
  let bar: cliProgress.SingleBar | null = null;
  let total = 0;
  return {
    start(file, totalBytes) {
      total = totalBytes ?? 0;
      bar = new cliProgress.SingleBar(
        {
          format: `  ${file.padEnd(28)} [{bar}] {percentage}% {done}${total ? ` / ${mb(total)}` : ""}`,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total || 1, 0, { done: mb(0) });
    },
    advance(_file, bytes) {
      bar?.update(total ? Math.min(bytes, total) : 0, { done: mb(bytes) });
    },
    finish(file, sha256, pinned) {
      if (bar) {
        if (total) bar.update(total);
        bar.stop();
      }
      bar = null;
      process.stderr.write(
        `  ${file}: sha256 ${sha256} ${pinned ? "(pinned, verified)" : "(not pinned: recorded in checksums.json)"}\n`,
      );
    },
  };
}
