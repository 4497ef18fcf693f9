import { stringify } from "csv-stringify/sync";

/** Cells a spreadsheet would run as a formula (CSV injection) start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV (CRLF rows, header first) for every export of chm-lens. Text cells that a
 * spreadsheet would run as a formula (starting with = + - @) are prefixed with `'`; numbers stay
 * numbers.
 *
 * @example
 * toCsv([["title", "count"], ["=HYPERLINK(…)", 3]]); // "title,count\r\n'=HYPERLINK(…),3\r\n"
 */
export function toCsv(rows: (string | number)[][]): string {
  const safe = rows.map((r) => r.map((c) => (typeof c === "string" && FORMULA_START.test(c) ? `'${c}` : c)));
  return stringify(safe, { record_delimiter: "\r\n" });
}
