import { load } from "cheerio";

/** Visible text of an HTML fragment (a record's description), paragraphs on their own lines. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const $ = load(`<body>${html.replace(/<(br|\/p|\/li|\/h\d|\/div)\b[^>]*>/gi, "$&\n")}</body>`);
  $("script, style").remove();
  return $("body")
    .text()
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}
