/**
 * A parser for Scopus boolean queries as the Aurora SDG queries use them: `TITLE-ABS-KEY(...)`,
 * `TITLE`, `ABS`, `KEY` fields, `AND`, `OR`, `AND NOT`, `W/n` and `PRE/n` proximity, "loose
 * phrases", {exact phrases}, bare words (adjacent ones are ANDed), wildcards `*` and `?`, and
 * nested parentheses. Precedence is Scopus's: OR binds tightest, then W/n and PRE/n, then AND,
 * then AND NOT (so `a AND NOT b AND c` is `a AND NOT (b AND c)`).
 */
import { AppError } from "../../errors.ts";

export type AuroraField = "all" | "title" | "abs" | "key";

export type QueryNode =
  | { kind: "phrase"; words: string[]; exact: false }
  | { kind: "exact"; text: string; exact: true }
  | { kind: "and" | "or" | "andNot"; left: QueryNode; right: QueryNode }
  | { kind: "near"; left: QueryNode; right: QueryNode; n: number; ordered: boolean }
  | { kind: "field"; field: AuroraField; body: QueryNode };

type Tok =
  | { t: "(" | ")" | "and" | "or" | "andNot" }
  | { t: "near"; n: number; ordered: boolean }
  | { t: "field"; field: AuroraField }
  | { t: "phrase"; text: string }
  | { t: "exact"; text: string }
  | { t: "word"; text: string };

const FIELDS: Record<string, AuroraField> = {
  "TITLE-ABS-KEY": "all",
  "TITLE-ABS": "all",
  TITLE: "title",
  ABS: "abs",
  KEY: "key",
  AUTHKEY: "key",
};

function fail(message: string, query: string): never {
  throw new AppError("config_invalid", `Aurora query: ${message} in ${JSON.stringify(query.slice(0, 120))}`);
}

/** Splits a query into tokens; quoted and braced phrases keep their inner text. */
export function tokenizeQuery(query: string): Tok[] {
  const out: Tok[] = [];
  const re =
    /\s+|\(|\)|"([^"]*)"|\u201c([^\u201d]*)\u201d|\{([^}]*)\}|(W|PRE)\/(\d+)|(TITLE-ABS-KEY|TITLE-ABS|TITLE|ABS|AUTHKEY|KEY)\s*(?=\()|([^\s(){}"]+)/giy;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while (re.lastIndex < query.length) {
    const at = re.lastIndex;
    m = re.exec(query);
    if (!m || m.index !== at) fail(`unexpected character ${JSON.stringify(query[at])} at ${at}`, query);
    const s = m[0];
    if (/^\s+$/.test(s)) continue;
    if (s === "(" || s === ")") out.push({ t: s });
    else if (m[1] !== undefined || m[2] !== undefined) out.push({ t: "phrase", text: (m[1] ?? m[2])! });
    else if (m[3] !== undefined) out.push({ t: "exact", text: m[3] });
    else if (m[4] !== undefined) out.push({ t: "near", n: Number(m[5]), ordered: m[4].toUpperCase() === "PRE" });
    else if (m[6] !== undefined) {
      const field = FIELDS[m[6].toUpperCase()];
      if (!field) fail(`unknown field ${m[6]}`, query);
      out.push({ t: "field", field });
    } else {
      const word = m[7]!;
      const up = word.toUpperCase();
      if (up === "OR") out.push({ t: "or" });
      else if (up === "AND") out.push({ t: "and" });
      else if (up === "NOT") {
        const prev = out[out.length - 1];
        if (prev?.t !== "and") fail("NOT must follow AND", query);
        out[out.length - 1] = { t: "andNot" };
      } else out.push({ t: "word", text: word });
    }
  }
  return out;
}

/** Words of a loose phrase: split on anything that is not a letter, digit or wildcard. */
export function phraseWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}*?]+/u)
    .filter(Boolean);
}

/**
 * Parses one query line into an AST.
 *
 * @example parseQuery('("poverty") W/3 ("eradicat*" OR "end")')
 */
export function parseQuery(query: string): QueryNode {
  const toks = tokenizeQuery(query);
  let i = 0;
  const peek = () => toks[i];
  const startsPrimary = (t: Tok | undefined) =>
    t !== undefined && (t.t === "(" || t.t === "field" || t.t === "phrase" || t.t === "exact" || t.t === "word");

  function primary(): QueryNode {
    const t = toks[i++];
    if (!t) fail("unexpected end", query);
    if (t.t === "(") {
      const e = andNot();
      if (toks[i++]?.t !== ")") fail("missing )", query);
      return e;
    }
    if (t.t === "field") {
      if (toks[i++]?.t !== "(") fail("field without (", query);
      const body = andNot();
      if (toks[i++]?.t !== ")") fail("missing ) after field", query);
      return { kind: "field", field: t.field, body };
    }
    if (t.t === "phrase" || t.t === "word") {
      const words = phraseWords(t.text);
      if (!words.length) fail(`empty phrase ${JSON.stringify(t.text)}`, query);
      return { kind: "phrase", words, exact: false };
    }
    if (t.t === "exact") {
      if (!t.text.trim()) fail("empty {}", query);
      return { kind: "exact", text: t.text.trim().toLowerCase(), exact: true };
    }
    return fail(`unexpected ${t.t}`, query);
  }
  function or(): QueryNode {
    let left = primary();
    while (peek()?.t === "or") {
      i++;
      left = { kind: "or", left, right: primary() };
    }
    return left;
  }
  function near(): QueryNode {
    let left = or();
    for (let t = peek(); t?.t === "near"; t = peek()) {
      i++;
      left = { kind: "near", left, right: or(), n: t.n, ordered: t.ordered };
    }
    return left;
  }
  function and(): QueryNode {
    let left = near();
    for (;;) {
      if (peek()?.t === "and") i++;
      else if (!startsPrimary(peek())) return left;
      left = { kind: "and", left, right: near() };
    }
  }
  function andNot(): QueryNode {
    let left = and();
    while (peek()?.t === "andNot") {
      i++;
      left = { kind: "andNot", left, right: and() };
    }
    return left;
  }
  const ast = andNot();
  if (i < toks.length) fail(`unexpected ${toks[i]!.t} at token ${i}`, query);
  return ast;
}
