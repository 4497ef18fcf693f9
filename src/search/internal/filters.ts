import { AppError } from "../../errors.ts";
import { ISO_DATE_RE } from "../../store/index.ts";
import type { ChunkFilter } from "../../store/types.ts";
import type { VocabDomain, Vocabulary } from "../../vocab/types.ts";
import type { SearchFilters } from "../types.ts";

export const COUNTRY_RE = /^[a-z]{2}$/;
export const LANGUAGE_RE = /^[a-z]{2,3}$/;
export const RECORD_TYPE_RE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
// The store owns the date pattern (it checks values again before they reach a where clause).
export { ISO_DATE_RE };

const DOMAIN_OF: Record<"target" | "goal" | "subject", VocabDomain> = {
  target: "gbf-targets",
  goal: "gbf-goals",
  subject: "cbd-subjects",
};

/**
 * Checks every filter value against the vocabularies (ids) or a strict pattern (codes, dates)
 * and maps it to the store's structured filter. Nothing unchecked reaches the store's `where`.
 * Throws `validation_failed` listing every bad value.
 */
export function validateFilters(filters: SearchFilters | undefined, vocab: Vocabulary): ChunkFilter {
  const f = filters ?? {};
  const bad: { field: string; value: string; reason: string }[] = [];
  const ids = (field: keyof typeof DOMAIN_OF, values: string[] | undefined) => {
    for (const v of values ?? []) {
      if (vocab.get(v)?.domain !== DOMAIN_OF[field])
        bad.push({ field, value: v, reason: `not a ${DOMAIN_OF[field]} id` });
    }
    return values?.length ? values : undefined;
  };
  const codes = (field: string, values: string[] | undefined, re: RegExp) => {
    for (const v of values ?? []) if (!re.test(v)) bad.push({ field, value: v, reason: `must match ${re}` });
    return values?.length ? values : undefined;
  };
  const date = (field: string, v: string | undefined) => {
    if (v !== undefined && (!ISO_DATE_RE.test(v) || Number.isNaN(Date.parse(v)))) {
      bad.push({ field, value: v, reason: "must be an ISO 8601 date" });
    }
    return v;
  };
  const out: ChunkFilter = {
    targets: ids("target", f.target),
    goals: ids("goal", f.goal),
    subjects: ids("subject", f.subject),
    countries: codes("country", f.country, COUNTRY_RE),
    languages: codes("language", f.language, LANGUAGE_RE),
    recordTypes: codes("type", f.type, RECORD_TYPE_RE),
    from: date("from", f.from),
    to: date("to", f.to),
  };
  if (bad.length > 0) {
    throw new AppError(
      "validation_failed",
      `Unknown or malformed filter values: ${bad.map((b) => `${b.field}=${b.value}`).join(", ")}`,
      {
        details: bad,
      },
    );
  }
  for (const k of Object.keys(out) as (keyof ChunkFilter)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** True when a document passes the filter (used where the store cannot filter, e.g. browse). */
export function hasFilter(filter: ChunkFilter): boolean {
  return Object.keys(filter).length > 0;
}
