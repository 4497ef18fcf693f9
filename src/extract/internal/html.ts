import { AppError } from "../../errors.ts";
import { decodeText } from "./decode.ts";
import { textTooLarge, tidyText, type Extractor } from "./extractor.ts";

/** Elements that are page furniture or code, never document text. */
const NOISE =
  "script, style, noscript, nav, footer, aside, template, svg, form, iframe, object, canvas, button, " +
  "[hidden], [aria-hidden='true'], [role='navigation'], [role='banner'], [role='contentinfo']";

/** Block elements that separate paragraphs with a blank line. */
const PARAGRAPH_BLOCKS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "table",
  "ul",
  "ol",
  "dl",
  "section",
  "article",
  "main",
  "figure",
  "address",
  "details",
  "hr",
]);
/** Block elements that only start a new line. */
const LINE_BLOCKS = new Set(["div", "li", "tr", "dt", "dd", "figcaption", "summary", "caption", "br", "body"]);

/** The few node fields the walker needs (cheerio's domhandler nodes have them). */
interface DomNode {
  type: string;
  data?: string;
  name?: string;
  children?: DomNode[];
}

/**
 * Markup allowed per character of the text limit. Parsing costs time and memory by the markup, not
 * the text, so a page far past the text limit is refused before it is parsed.
 */
const MARKUP_PER_TEXT_CHAR = 4;

/** HTML: drops navigation, scripts and other furniture, keeps block structure as newlines. */
export const extractHtml: Extractor = async (bytes, ctx) => {
  const { maxTextChars } = ctx.opts;
  if (bytes.length > maxTextChars * MARKUP_PER_TEXT_CHAR) {
    throw textTooLarge(Math.floor(bytes.length / MARKUP_PER_TEXT_CHAR), maxTextChars, true);
  }
  const cheerio = await import("cheerio");
  const { text: markup } = decodeText(bytes, declaredCharset(bytes));
  const $ = cheerio.load(markup);
  const title = ($("title").first().text().trim() || $("h1").first().text().trim()).replace(/\s+/g, " ");
  $(NOISE).remove();
  // A site-wide header is furniture; an article's own header holds its title, so keep that.
  $("header").each((_, el) => {
    if ($(el).closest("article, main").length === 0) $(el).remove();
  });
  const root = ($("body").get(0) ?? $.root().get(0)) as unknown as DomNode;
  const parts: string[] = [];
  walk(root, parts, false);
  const text = tidyText(parts.join(""));
  if (text === "")
    throw new AppError("empty_file", "The web page has no readable text once menus and scripts are removed.");
  return { pages: [{ page: 1, text, source: "text" }], title: title || undefined };
};

function walk(node: DomNode, out: string[], inPre: boolean): void {
  if (node.type === "text") {
    const text = inPre ? (node.data ?? "") : (node.data ?? "").replace(/\s+/g, " ");
    // Indentation between blocks (</li> <li>) would otherwise turn line breaks into paragraph breaks.
    if (text === " " && (out.at(-1) ?? "\n").endsWith("\n")) return;
    out.push(text);
    return;
  }
  if (node.type !== "tag" && node.type !== "root") return;
  const name = node.name ?? "";
  const breaks = PARAGRAPH_BLOCKS.has(name) ? 2 : LINE_BLOCKS.has(name) ? 1 : 0;
  if (name === "td" || name === "th") out.push(" ");
  breakLines(out, breaks);
  for (const child of node.children ?? []) walk(child, out, inPre || name === "pre");
  breakLines(out, breaks);
}

/** Ends the output with at least `count` newlines, without piling up more (</li><li> is one break). */
function breakLines(out: string[], count: number): void {
  if (count === 0) return;
  const tail = out.slice(-3).join("");
  const have = tail.length - tail.replace(/\n+$/, "").length;
  if (have < count) out.push("\n".repeat(count - have));
}

/** `<meta charset>` from the first bytes, used only when the bytes are not valid UTF-8. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
}
