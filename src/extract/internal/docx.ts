import { AppError } from "../../errors.ts";
import { firstLineTitle, tidyText, type Extractor } from "./extractor.ts";
import { checkInflateBudget } from "./inflate-budget.ts";

/** DOCX via mammoth's raw text: one page, paragraphs separated by blank lines. */
export const extractDocx: Extractor = async (bytes, ctx) => {
  await checkInflateBudget(bytes, ctx.opts.maxDecompressedBytes);
  const mammoth = (await import("mammoth")).default;
  let raw: string;
  try {
    ({ value: raw } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) }));
  } catch (cause) {
    throw new AppError(
      "corrupt_file",
      "The Word document is damaged and cannot be read; save it again from Word and re-upload it.",
      { cause },
    );
  }
  const text = tidyText(raw);
  if (text === "") throw new AppError("empty_file", "The Word document contains no text.");
  return { pages: [{ page: 1, text, source: "text" }], title: firstLineTitle(text) };
};
