import { AppError } from "../../errors.ts";
import type { ChunkFilter } from "../types.ts";

/** Ids, codes, languages: the only characters a filter value may hold (nothing to escape). */
const CODE = /^[A-Za-z0-9+_.:-]+$/;
/** ISO 8601 date or date-time: the one pattern, used by the API, search filters and this where-builder. */
export const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A SQL string literal: validated against `CODE`, then quoted with `'` doubled (belt and braces). */
export function sqlCode(value: string, field: string): string {
  if (typeof value !== "string" || !CODE.test(value)) {
    throw new AppError("validation_failed", `Invalid ${field} value: ${JSON.stringify(value)}`, {
      details: { field, value },
    });
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** Any string as a SQL literal, for trusted-shape values such as ISO timestamps the store made. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Validates an ISO date/time and returns it as a canonical UTC ISO string. */
export function isoBound(value: string, field: string, endOfDay: boolean): string {
  const time = ISO_DATE_RE.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new AppError("validation_failed", `Invalid ${field} date: ${JSON.stringify(value)} (use ISO 8601)`, {
      details: { field, value },
    });
  }
  // A date without a time means the whole day when it is the upper bound.
  const date = new Date(time + (endOfDay && value.length === 10 ? 86_400_000 - 1 : 0));
  return date.toISOString();
}

export interface WhereColumns {
  /** Column holding the document id: `documentId` on chunks, `id` on documents. */
  documentId: string;
}

function inList(column: string, values: string[], field: string): string {
  return `${column} IN (${values.map((v) => sqlCode(v, field)).join(", ")})`;
}

function anyOf(column: string, values: string[], field: string): string {
  return `array_has_any(${column}, [${values.map((v) => sqlCode(v, field)).join(", ")}])`;
}

/**
 * The one place a `ChunkFilter` becomes SQL. Every value is validated (codes) or parsed
 * (dates) before it is quoted, so no caller text reaches LanceDB unchecked. Empty lists
 * are ignored (no constraint). Returns undefined when nothing constrains the query.
 *
 * @example filterToWhere({ countries: ["fr"], targets: ["GBF-TARGET-01"] }, { documentId: "documentId" })
 * // "country IN ('fr') AND array_has_any(targets, ['GBF-TARGET-01'])"
 */
export function filterToWhere(filter: ChunkFilter | undefined, cols: WhereColumns): string | undefined {
  if (!filter) return undefined;
  const parts: string[] = [];
  const lists: [keyof ChunkFilter, string, "in" | "any"][] = [
    ["documentIds", cols.documentId, "in"],
    ["countries", "country", "in"],
    ["languages", "language", "in"],
    ["recordTypes", "recordType", "in"],
    ["targets", "targets", "any"],
    ["goals", "goals", "any"],
    ["subjects", "subjects", "any"],
  ];
  for (const [key, column, kind] of lists) {
    const values = filter[key];
    if (values === undefined) continue;
    if (!Array.isArray(values)) throw new AppError("validation_failed", `Filter ${key} must be a list`);
    if (values.length === 0) continue;
    parts.push(kind === "in" ? inList(column, values, key) : anyOf(column, values, key));
  }
  if (filter.from !== undefined) parts.push(`createdAt >= ${sqlString(isoBound(filter.from, "from", false))}`);
  if (filter.to !== undefined) parts.push(`createdAt <= ${sqlString(isoBound(filter.to, "to", true))}`);
  return parts.length > 0 ? parts.join(" AND ") : undefined;
}
