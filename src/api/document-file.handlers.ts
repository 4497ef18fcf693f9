import { AppError } from "../errors.ts";
import type { ChunkRecord } from "../store/index.ts";
import { fileRoute, textRoute } from "./document-file.routes.ts";
import { requireRead } from "./internal/auth.ts";
import type { ApiApp, ApiDeps } from "./types.ts";

const EXTENSIONS: Record<string, string> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "text/html": "html",
  "text/markdown": "md",
  "text/plain": "txt",
};

/** `attachment` with an ASCII fallback name and the exact one in RFC 5987 form. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * The document's text rebuilt from its chunks: each chunk knows its offsets in the extracted text,
 * so overlaps are cut and every piece goes to the page it starts on (no re-extraction, no OCR).
 */
export function pagesFromChunks(chunks: ChunkRecord[]): { page: number; text: string }[] {
  const pages = new Map<number, string>();
  let cursor = 0;
  for (const c of [...chunks].sort((a, b) => a.charStart - b.charStart)) {
    if (c.charEnd <= cursor) continue;
    const piece = c.text.slice(Math.max(0, cursor - c.charStart));
    const gap = c.charStart > cursor && cursor > 0 ? "\n\n" : "";
    pages.set(c.pageStart, (pages.get(c.pageStart) ?? "") + gap + piece);
    cursor = c.charEnd;
  }
  return [...pages].sort(([a], [b]) => a - b).map(([page, text]) => ({ page, text }));
}

/** `GET /v1/documents/{id}/file` (the stored bytes) and `…/text` (the text page by page). */
export function registerDocumentFile(app: ApiApp, deps: ApiDeps): void {
  const { store } = deps;
  const read = requireRead(deps.config.PUBLIC_READ);

  app.openapi({ ...fileRoute, middleware: [read] }, async (c) => {
    const { id } = c.req.valid("param");
    const doc = await store.documents.get(id);
    if (!doc) throw new AppError("not_found", `No document ${id}`);
    const bytes = await store.blobs.get(doc.contentHash);
    const name = doc.filename ?? `${id}.${EXTENSIONS[doc.mediaType] ?? "bin"}`;
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": doc.mediaType,
      "Content-Disposition": contentDisposition(name),
      // An uploaded HTML file must never run as this origin's page, even if opened directly.
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "X-Content-Type-Options": "nosniff",
    });
  });

  app.openapi({ ...textRoute, middleware: [read] }, async (c) => {
    const { id } = c.req.valid("param");
    const doc = await store.documents.get(id);
    if (!doc) throw new AppError("not_found", `No document ${id}`);
    const pages = pagesFromChunks(await store.chunks.forDocument(id));
    return c.json({ documentId: id, mediaType: doc.mediaType, pages }, 200);
  });
}
