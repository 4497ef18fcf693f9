import { AppError } from "../errors.ts";
import { extractOptionsFromConfig } from "../extract/index.ts";
import type { z } from "@hono/zod-openapi";
import { classifyRoute, type ClassifyFile, type ClassifyText } from "./classify.routes.ts";
import { requireRole } from "./internal/auth.ts";
import { readUpload } from "./internal/upload.ts";
import { classificationView } from "./internal/views.ts";
import type { ApiApp, ApiDeps } from "./types.ts";

/** `POST /v1/classify`: JSON text or a file; the file is extracted in-process, nothing stored. */
export function registerClassify(app: ApiApp, deps: ApiDeps): void {
  app.openapi({ ...classifyRoute, middleware: [requireRole("submitter")] }, async (c) => {
    const classifier = deps.classifier;
    if (!classifier) throw new AppError("model_unavailable", "The classifier is not loaded yet", { transient: true });
    const isForm = (c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/");
    let text: string;
    let language: string | undefined;
    if (isForm) {
      const form = c.req.valid("form") as z.infer<typeof ClassifyFile>;
      const bytes = await readUpload(form.file, deps.config.MAX_UPLOAD_MB);
      const doc = await deps.extract(bytes, {
        ...extractOptionsFromConfig(deps.config),
        filename: form.file.name || undefined,
      });
      text = doc.text;
      language = form.language ?? (doc.language !== "und" ? doc.language : undefined);
      if (!text.trim()) throw new AppError("needs_ocr", "No text could be read from the file");
    } else {
      const body = c.req.valid("json") as z.infer<typeof ClassifyText>;
      if (typeof body.text !== "string")
        throw new AppError("validation_failed", "Send JSON { text } or a multipart file");
      text = body.text;
      language = body.language;
    }
    const result = await classifier.classifyText(text, { language });
    return c.json({ ...classificationView(result, deps.vocab), language }, 200);
  });
}
