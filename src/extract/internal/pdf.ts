import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { AppError } from "../../errors.ts";
import type { ExtractedPage } from "../types.ts";
import { firstLineTitle, textTooLarge, tidyText, type ExtractContext, type Extractor } from "./extractor.ts";
import { pageText, type TextItemLike } from "./pdf-layout.ts";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;
type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;

/** Scanned pages are rendered at this resolution for OCR (tesseract likes 200–300 dpi). */
const OCR_DPI = 200;

/** PDF: text layer per page in reading order; pages without one are OCRed (or flagged `needs_ocr`). */
export const extractPdf: Extractor = async (bytes, ctx) => {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await openPdf(pdfjs, bytes);
  try {
    if (doc.numPages > ctx.opts.maxPages) {
      throw new AppError(
        "too_many_pages",
        `The PDF has ${doc.numPages} pages; the limit is ${ctx.opts.maxPages}. Split it into smaller files.`,
        { details: { pages: doc.numPages, maxPages: ctx.opts.maxPages } },
      );
    }
    const pages: ExtractedPage[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      if (ctx.signal.aborted) break;
      const page = await readPageSafely(doc, n, ctx);
      pages.push(page);
      // Stop reading as soon as the text is over the limit: the rest would be thrown away.
      chars += page.text.length + 2;
      if (chars > ctx.opts.maxTextChars) throw textTooLarge(chars, ctx.opts.maxTextChars, n < doc.numPages);
      ctx.opts.onPage?.(n, doc.numPages);
    }
    const info = (await doc.getMetadata().catch(() => undefined))?.info as { Title?: unknown } | undefined;
    const metaTitle = typeof info?.Title === "string" ? info.Title.trim() : "";
    return { pages, title: metaTitle || firstLineTitle(pages.find((p) => p.text !== "")?.text ?? "") };
  } finally {
    await doc.destroy();
  }
};

async function openPdf(pdfjs: PdfJs, bytes: Uint8Array): Promise<PdfDocument> {
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given; hand it a copy so callers keep theirs.
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    standardFontDataUrl: standardFontsDir(),
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (cause) {
    const name = (cause as { name?: string }).name;
    if (name === "PasswordException") {
      throw new AppError(
        "encrypted_pdf",
        "The PDF is protected by a password; remove the password and upload it again.",
        { cause },
      );
    }
    throw new AppError(
      "corrupt_file",
      "The PDF is damaged or incomplete and cannot be opened; export it again and re-upload it.",
      { cause },
    );
  }
}

/** One damaged page should not cost the whole document: keep the others and say which failed. */
async function readPageSafely(doc: PdfDocument, n: number, ctx: ExtractContext): Promise<ExtractedPage> {
  try {
    const page = await doc.getPage(n);
    const read = await readPage(page, n, ctx);
    page.cleanup();
    return read;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    ctx.warn(`page ${n} is damaged and could not be read (${reason})`);
    return { page: n, text: "", source: "text" };
  }
}

async function readPage(page: PdfPage, n: number, ctx: ExtractContext): Promise<ExtractedPage> {
  const content = await page.getTextContent();
  const text = tidyText(pageText(content.items as TextItemLike[]));
  if (/[\p{L}\p{N}]/u.test(text)) return { page: n, text, source: "text" };
  if (!ctx.opts.ocr.enabled) {
    ctx.warn(`page ${n} has no text layer and OCR is off; its text is missing`);
    return { page: n, text: "", source: "needs_ocr" };
  }
  try {
    const png = await renderPage(page);
    if (ctx.signal.aborted) return { page: n, text: "", source: "needs_ocr" };
    const ocrText = tidyText(await ctx.ocr.recognize(png));
    ctx.warn(`page ${n} OCRed`);
    return { page: n, text: ocrText, source: "ocr" };
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    ctx.warn(`page ${n} has no text layer and OCR failed (${reason}); its text is missing`);
    return { page: n, text: "", source: "needs_ocr" };
  }
}

async function renderPage(page: PdfPage): Promise<Uint8Array> {
  const viewport = page.getViewport({ scale: OCR_DPI / 72 });
  const { createCanvas } = await import("@napi-rs/canvas");
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext("2d");
  // Scans are drawn over white: a transparent background OCRs as black on black.
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  return canvas.toBuffer("image/png");
}

const require = createRequire(import.meta.url);

function standardFontsDir(): string {
  return `${join(dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;
}
