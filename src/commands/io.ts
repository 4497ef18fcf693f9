/**
 * What a CLI command may touch: two output functions, and optionally a terminal for progress bars.
 * Commands return an exit code; only `cli.ts` exits.
 */
export interface CommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
  /** A TTY stream for live progress bars; omitted in tests and pipes. */
  tty?: NodeJS.WriteStream;
}

/** Plain-text table with padded columns (no colour, so it survives pipes and logs). */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
