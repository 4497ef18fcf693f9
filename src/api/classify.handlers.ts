import type { z } from "@hono/zod-openapi";
import { AppError } from "../errors.ts";
import { detectLanguage } from "../extract/index.ts";
import { classifyFile } from "../ingest/index.ts";
import { classifyRoute, type ClassifyFile, type ClassifyText } from "./classify.routes.ts";
import { requireRole } from "./internal/auth.ts";
import { requireReadyClassifier } from "./internal/classifier-gate.ts";
import { readUpload } from "./internal/upload.ts";
import { classificationView } from "./internal/views.ts";
import type { ApiApp, ApiDeps } from "./types.ts";

/**
 * `POST /v1/classify`: JSON text, or a file classified by the `classifyFile` use case (read and
 * chunked in a bounded worker thread, evidence with pages). Nothing is stored.
 */
export function registerClassify(app: ApiApp, deps: ApiDeps): void {
  app.openapi({ ...classifyRoute, middleware: [requireRole("submitter")] }, async (c) => {
    const classifier = requireReadyClassifier(deps.classifier);
    const isForm = (c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/");
    if (isForm) {
      const form = c.req.valid("form") as z.infer<typeof ClassifyFile>;
      const bytes = await readUpload(form.file, deps.config.MAX_UPLOAD_MB);
      const { result, language } = await classifyFile(
        {
          classifier,
          config: deps.config,
          maxChars: deps.embedder.maxChars,
          ...(deps.reader ? { reader: deps.reader } : {}),
        },
        bytes,
        {
          ...(form.file.name ? { filename: form.file.name } : {}),
          // A client that hangs up stops the reading thread.
          signal: c.req.raw.signal,
        },
      );
      return c.json({ ...classificationView(result, deps.vocab), language }, 200);
    }
    const body = c.req.valid("json") as z.infer<typeof ClassifyText>;
    if (typeof body.text !== "string")
      throw new AppError("validation_failed", "Send JSON { text } or a multipart file");
    const result = await classifier.classifyText(body.text);
    const language = detectLanguage(body.text);
    return c.json({ ...classificationView(result, deps.vocab), ...(language !== "und" ? { language } : {}) }, 200);
  });
}
