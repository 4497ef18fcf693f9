import { AppError } from "../../errors.ts";
import { decodeText } from "./decode.ts";
import { firstLineTitle, textTooLarge, tidyText, type Extractor } from "./extractor.ts";

/** Plain text and Markdown: one page, decoded from whatever encoding the bytes are in. */
export const extractText: Extractor = async (bytes, ctx) => {
  const { text, encoding } = decodeText(bytes);
  if (text.length > ctx.opts.maxTextChars) throw textTooLarge(text.length, ctx.opts.maxTextChars);
  if (encoding !== "utf-8") ctx.warn(`decoded as ${encoding}`);
  const tidy = tidyText(text);
  if (tidy === "") throw new AppError("empty_file", "The file contains only blank space; there is no text to read.");
  return { pages: [{ page: 1, text: tidy, source: "text" }], title: markdownTitle(tidy) ?? firstLineTitle(tidy) };
};

function markdownTitle(text: string): string | undefined {
  return /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
}
