import { existsSync } from "node:fs";
import { GlobalFonts, createCanvas } from "@napi-rs/canvas";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";

/** Fixed dates keep regenerated PDFs byte-stable, so re-running the script leaves git clean. */
const FIXED_DATE = new Date("2025-06-30T12:00:00Z");
const A4: [number, number] = [595, 842];
const MARGIN = 60;

export interface PdfBlock {
  kind: "title" | "heading" | "paragraph";
  text: string;
}

async function newDocument(title: string): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  doc.setAuthor("chm-lens sample generator");
  doc.setProducer("pdf-lib");
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  return doc;
}

/** Helvetica speaks WinAnsi only; swap the few typographic characters it lacks. */
function winAnsi(text: string): string {
  return text
    .replace(/[\u2010-\u2013]/g, "-")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A PDF with a real text layer: one array of blocks per page, laid out top to bottom. */
export async function textPdf(title: string, pages: PdfBlock[][]): Promise<Uint8Array> {
  const doc = await newDocument(title);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const styles = {
    title: { font: bold, size: 15, gapBefore: 0, gapAfter: 14 },
    heading: { font: bold, size: 12.5, gapBefore: 10, gapAfter: 6 },
    paragraph: { font: regular, size: 10.5, gapBefore: 0, gapAfter: 9 },
  };
  pages.forEach((blocks, index) => {
    const page = doc.addPage(A4);
    let y = A4[1] - MARGIN;
    for (const block of blocks) {
      const style = styles[block.kind];
      y -= style.gapBefore;
      for (const line of wrap(winAnsi(block.text), style.font, style.size, A4[0] - 2 * MARGIN)) {
        y -= style.size * 1.35;
        page.drawText(line, { x: MARGIN, y, size: style.size, font: style.font, color: rgb(0.1, 0.1, 0.1) });
      }
      y -= style.gapAfter;
    }
    footer(page, regular, `${index + 1} / ${pages.length}`);
  });
  return doc.save();
}

function footer(page: PDFPage, font: PDFFont, label: string): void {
  page.drawText(label, { x: A4[0] / 2 - 10, y: 30, size: 9, font, color: rgb(0.4, 0.4, 0.4) });
}

const FONT_FILE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/**
 * A "scanned" PDF: each page is only a picture of typed text, with no text layer, so a reader
 * must OCR it. Rendered at 150 dpi, a common scanner setting.
 */
export async function scannedPdf(title: string, pages: string[][]): Promise<Uint8Array> {
  const family =
    existsSync(FONT_FILE) && GlobalFonts.registerFromPath(FONT_FILE, "SampleSans") ? "SampleSans" : "sans-serif";
  const doc = await newDocument(title);
  const scale = 150 / 72;
  for (const lines of pages) {
    const canvas = createCanvas(Math.round(A4[0] * scale), Math.round(A4[1] * scale));
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = "#1a1a1a";
    ctx.font = `26px ${family}`;
    lines.forEach((line, i) => ctx.fillText(line, 130, 180 + i * 44));
    const image = await doc.embedJpg(canvas.toBuffer("image/jpeg", 70));
    const page = doc.addPage(A4);
    page.drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
  }
  return doc.save();
}

/** Many tiny pages, for page-limit tests. */
export async function manyPagesPdf(count: number): Promise<Uint8Array> {
  const doc = await newDocument(`${count} short pages`);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= count; i++) {
    doc.addPage([200, 200]).drawText(`Page ${i} of ${count}`, { x: 40, y: 100, size: 12, font });
  }
  return doc.save();
}
