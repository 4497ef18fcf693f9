/** Loads the Aurora SDG queries (XML, one file per SDG) and matches a text against all of them. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "../../errors.ts";
import { type CharSpan, matchQuery, type PreparedText, prepareText } from "./aurora-match.ts";
import { type AuroraField, parseQuery, type QueryNode } from "./aurora-parse.ts";

export interface AuroraQuery {
  /** chm-lens label id, e.g. `SUSTAINABLE-DEVELOPMENT-GOAL-14`. */
  labelId: string;
  /** SDG target the query line is written for, e.g. `14.1`. */
  target: string;
  field: AuroraField;
  source: string;
  ast: QueryNode;
}

export interface AuroraHit {
  labelId: string;
  target: string;
  spans: CharSpan[];
}

const FIELD_ATTR: Record<string, AuroraField> = { "TITLE-ABS-KEY": "all", TITLE: "title", ABS: "abs", KEY: "key" };

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Parses one Aurora query file: every query line of every sub-query, with its SDG target. */
export function parseAuroraXml(xml: string, file = "query"): AuroraQuery[] {
  const sdg = /<dc:identifier type="sdg">\s*(\d+)\s*<\/dc:identifier>/.exec(xml)?.[1];
  if (!sdg) throw new AppError("config_invalid", `${file}: no <dc:identifier type="sdg">`);
  const labelId = `SUSTAINABLE-DEVELOPMENT-GOAL-${sdg.padStart(2, "0")}`;
  const out: AuroraQuery[] = [];
  for (const def of xml.matchAll(/<aqd:query-definition[\s>][\s\S]*?<\/aqd:query-definition>/g)) {
    const uri = /metadata\.un\.org\/sdg\/([\d.a-z]+)/.exec(def[0])?.[1] ?? sdg;
    for (const line of def[0].matchAll(/<aqd:query-line(?:\s+field="([^"]*)")?\s*>([\s\S]*?)<\/aqd:query-line>/g)) {
      const source = unescapeXml(line[2]!).replace(/\s+/g, " ").trim();
      if (!source) continue;
      const field = FIELD_ATTR[line[1] ?? "TITLE-ABS-KEY"];
      if (!field) throw new AppError("config_invalid", `${file}: unknown query field ${line[1]}`);
      out.push({ labelId, target: uri, field, source, ast: parseQuery(source) });
    }
  }
  if (!out.length) throw new AppError("config_invalid", `${file}: no query lines`);
  return out;
}

/** Reads every `query_SDG*.xml` of `dir`. */
export async function loadAuroraQueries(dir: string): Promise<AuroraQuery[]> {
  const files = (await readdir(dir)).filter((f) => /^query_SDG\d+\.xml$/.test(f)).sort();
  const all = await Promise.all(files.map(async (f) => parseAuroraXml(await readFile(join(dir, f), "utf8"), f)));
  return all.flat();
}

/** Every query line that matches, with the spans that satisfied it. */
export function auroraHits(queries: AuroraQuery[], text: string | PreparedText): AuroraHit[] {
  const doc = typeof text === "string" ? prepareText(text) : text;
  const out: AuroraHit[] = [];
  for (const q of queries) {
    const spans = matchQuery(q.ast, doc, q.field);
    if (spans.length) out.push({ labelId: q.labelId, target: q.target, spans });
  }
  return out;
}

/** Per SDG: how many distinct SDG targets' queries matched (the signal the fusion reads). */
export function auroraScores(hits: AuroraHit[]): Map<string, number> {
  const targets = new Map<string, Set<string>>();
  for (const h of hits) targets.set(h.labelId, (targets.get(h.labelId) ?? new Set()).add(h.target));
  return new Map([...targets].map(([id, t]) => [id, t.size]));
}
