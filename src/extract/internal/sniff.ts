import { fileTypeFromBuffer } from "file-type";
import { AppError } from "../../errors.ts";
import type { MediaType } from "../types.ts";
import { MEDIA_TYPES } from "./extractor.ts";
import { hasZipSignature, listZipEntries } from "./zip.ts";

const SUPPORTED = "chm-lens reads PDF, Word (DOCX), HTML, Markdown and plain-text files.";

/**
 * The media type of a document, decided by its bytes. The file name only chooses Markdown over
 * plain text. Throws `empty_file`, `unsupported_media_type`, or `corrupt_file` (a damaged zip).
 */
export async function sniffMediaType(bytes: Uint8Array, filename?: string): Promise<MediaType> {
  if (bytes.length === 0) throw new AppError("empty_file", "The file is empty (0 bytes).");
  if (latin1(bytes, 1024).includes("%PDF-")) return MEDIA_TYPES.pdf;
  if (hasZipSignature(bytes)) return sniffZip(bytes);
  const head = textHead(bytes);
  // A UTF-16 byte-order mark also reads as an MPEG frame header; text wins.
  const detected = hasTextBom(bytes) ? undefined : await fileTypeFromBuffer(bytes);
  if (detected && !(detected.mime === "application/xml" && looksLikeHtml(head))) {
    throw new AppError(
      "unsupported_media_type",
      `The file type is ${detected.ext.toUpperCase()} (${detected.mime}). ${SUPPORTED}`,
      {
        details: { detected: detected.mime },
      },
    );
  }
  if (looksLikeHtml(head)) return MEDIA_TYPES.html;
  return /\.(md|markdown)$/i.test(filename ?? "") ? MEDIA_TYPES.markdown : MEDIA_TYPES.text;
}

function sniffZip(bytes: Uint8Array): MediaType {
  const entries = listZipEntries(bytes);
  if (!entries) {
    throw new AppError(
      "corrupt_file",
      "The file looks like a Word document or zip archive but it is damaged or incomplete; save it again and re-upload it.",
    );
  }
  if (entries.includes("word/document.xml")) return MEDIA_TYPES.docx;
  const kind = entries.some((e) => e.startsWith("xl/"))
    ? "an Excel workbook"
    : entries.some((e) => e.startsWith("ppt/"))
      ? "a PowerPoint deck"
      : "a zip archive";
  throw new AppError("unsupported_media_type", `This is ${kind}, not a Word document. ${SUPPORTED}`, {
    details: { detected: "application/zip" },
  });
}

function hasTextBom(bytes: Uint8Array): boolean {
  const [b0, b1, b2] = bytes;
  return (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) || (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff);
}

/** First characters as text, good enough to see ASCII markup in UTF-8, Latin-1 or UTF-16. */
function textHead(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return new TextDecoder(b0 === 0xff ? "utf-16le" : "utf-16be").decode(bytes.subarray(0, 2048));
  }
  return latin1(bytes, 1024).replace(/^\u00ef\u00bb\u00bf/, "");
}

/** WHATWG MIME sniffing's HTML signatures: one of these tags first, after whitespace. */
const HTML_START =
  /^\s*(<!doctype html|<html|<head|<body|<script|<iframe|<h1|<div|<font|<table|<a|<style|<title|<b|<br|<p|<!--|<article|<section|<main|<meta)[\s>]/i;

function looksLikeHtml(head: string): boolean {
  const afterXmlDecl = head.replace(/^\s*<\?xml[^>]*>/i, "");
  return HTML_START.test(afterXmlDecl);
}

function latin1(bytes: Uint8Array, max: number): string {
  return new TextDecoder("latin1").decode(bytes.subarray(0, max));
}
