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

function sdgLabelOf(xml: string, file: string): string {
  const sdg = /<dc:identifier type="sdg">\s*(\d+)\s*<\/dc:identifier>/.exec(xml)?.[1];
  if (!sdg) throw new AppError("config_invalid", `${file}: no <dc:identifier type="sdg">`);
  return `SUSTAINABLE-DEVELOPMENT-GOAL-${sdg.padStart(2, "0")}`;
}

/** Parses one Aurora query file: every query line of every sub-query, with its SDG target. */
export function parseAuroraXml(xml: string, file = "query"): AuroraQuery[] {
  const labelId = sdgLabelOf(xml, file);
  const out: AuroraQuery[] = [];
  for (const def of xml.matchAll(/<aqd:query-definition[\s>][\s\S]*?<\/aqd:query-definition>/g)) {
    const uri = /metadata\.un\.org\/sdg\/([\d.a-z]+)/.exec(def[0])?.[1] ?? String(Number(labelId.slice(-2)));
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

/**
 * The SDG's own words from one Aurora file: the goal's narrative (UN text, sentence by sentence)
 * and the wording of each SDG target. Indicator descriptions (`6.1.1 …`) are left out: several
 * SDG indicators are reused by the GBF monitoring framework, which must not inform GBF tags.
 */
export function parseAuroraDescriptions(xml: string, file = "query"): { labelId: string; texts: string[] } {
  const clean = (s: string) => unescapeXml(s).replace(/\s+/g, " ").trim();
  const texts: string[] = [];
  const narrative = /<dc:description>([\s\S]*?)<\/dc:description>/.exec(xml)?.[1];
  if (narrative)
    texts.push(
      ...clean(narrative)
        .split(/(?<=[.!?])\s+(?=[A-Z])/u)
        .filter((s) => s.split(" ").length >= 5),
    );
  for (const d of xml.matchAll(/<aqd:subquery-description>([\s\S]*?)<\/aqd:subquery-description>/g)) {
    const t = clean(d[1]!);
    if (t && !/^\d+\.\w+\.\d+/.test(t)) texts.push(t);
  }
  return { labelId: sdgLabelOf(xml, file), texts: [...new Set(texts)] };
}

/** label id → the SDG's narrative sentences and target wordings, from every `query_SDG*.xml` of `dir`. */
export async function loadAuroraDescriptions(dir: string): Promise<Map<string, string[]>> {
  const files = (await readdir(dir)).filter((f) => /^query_SDG\d+\.xml$/.test(f)).sort();
  const all = await Promise.all(
    files.map(async (f) => parseAuroraDescriptions(await readFile(join(dir, f), "utf8"), f)),
  );
  return new Map(all.map((d) => [d.labelId, d.texts]));
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
