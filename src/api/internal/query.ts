import { z } from "@hono/zod-openapi";
import { COUNTRY_RE, ISO_DATE_RE, LANGUAGE_RE, RECORD_TYPE_RE } from "../../search/index.ts";
import type { SearchFilters } from "../../search/index.ts";

const ID_RE = /^[A-Za-z0-9_.:-]{1,64}$/;

/** A repeatable (`?target=a&target=b`) or comma-separated (`?target=a,b`) list parameter. */
export function listParam(re: RegExp, example: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : [v])
            .flatMap((s) => s.split(","))
            .map((s) => s.trim())
            .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().regex(re, `must match ${re}`))
        .max(50)
        .optional(),
    )
    .openapi({ example, description: "Repeat the parameter or separate values with commas" });
}

/**
 * True for a date (and optional time) that exists on the calendar. `Date.parse` rolls impossible
 * dates over (2024-02-30 becomes 1 March), so the parts are checked one by one.
 */
export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(v);
  if (!m) return false;
  const [y, mo, d, h = 0, mi = 0, sec = 0] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x)));
  if (mo! < 1 || mo! > 12 || d! < 1 || h! > 23 || mi! > 59 || sec! > 59) return false;
  const daysInMonth = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  return d! <= daysInMonth && !Number.isNaN(Date.parse(v));
}

const isoDate = z
  .string()
  .regex(ISO_DATE_RE, "must be an ISO 8601 date")
  .refine(isCalendarDate, "must be a date that exists (e.g. not 2024-02-30)")
  .optional();

/** Filter query parameters shared by search and the document list (ids are checked against the vocabularies later). */
export const FilterQuery = z.object({
  target: listParam(ID_RE, "GBF-TARGET-03"),
  goal: listParam(ID_RE, "GBF-GOAL-A"),
  subject: listParam(ID_RE, "CBD-SUBJECT-MAR"),
  country: listParam(COUNTRY_RE, "fr"),
  language: listParam(LANGUAGE_RE, "en"),
  type: listParam(RECORD_TYPE_RE, "nationalReport"),
  from: isoDate.openapi({ example: "2024-01-01" }),
  to: isoDate.openapi({ example: "2024-12-31" }),
});

export function filtersOf(q: z.infer<typeof FilterQuery>): SearchFilters {
  return {
    target: q.target,
    goal: q.goal,
    subject: q.subject,
    country: q.country,
    language: q.language,
    type: q.type,
    from: q.from,
    to: q.to,
  };
}

export const limitParam = (def: number, max: number) => z.coerce.number().int().min(1).max(max).default(def);
