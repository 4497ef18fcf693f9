import { mkdtemp, rm, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { AppError } from "../../errors.ts";

/** Reads text from a rendered page image; starts tesseract on first use. */
export interface OcrEngine {
  recognize(png: Uint8Array): Promise<string>;
  /** Stops the worker if one was started. Safe to call more than once. */
  terminate(): Promise<void>;
}

/**
 * Creates an OCR engine over tesseract.js with traineddata from the `@tesseract.js-data/<lang>`
 * npm packages, so nothing is fetched from the network. The worker starts lazily on the first
 * `recognize` and lives until `terminate`.
 */
export function createOcrEngine(langs: string[]): OcrEngine {
  type Worker = Awaited<ReturnType<typeof import("tesseract.js").createWorker>>;
  let starting: Promise<Worker> | undefined;
  // After terminate (e.g. on timeout) a late page must not start a fresh worker.
  let closed = false;

  const start = async (): Promise<Worker> => {
    const { createWorker } = await import("tesseract.js");
    const available = langs.filter((lang) => languageDataDir(lang) !== undefined);
    if (available.length === 0) {
      throw new AppError("ocr_failed", `No OCR language data is installed for ${langs.join("+") || "(none)"}.`);
    }
    // tesseract.js reads every language from one folder; the packages each have their own,
    // so link them side by side in a temporary folder for the time the worker loads them.
    const dir = await mkdtemp(join(tmpdir(), "chm-lens-ocr-"));
    try {
      for (const lang of available) {
        const file = `${lang}.traineddata.gz`;
        await symlink(join(languageDataDir(lang)!, file), join(dir, file));
      }
      return await createWorker(available.join("+"), 1, { langPath: dir, gzip: true, cacheMethod: "none" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  return {
    async recognize(png) {
      if (closed) throw new AppError("ocr_failed", "OCR was stopped.");
      starting ??= start();
      const worker = await starting;
      const { data } = await worker.recognize(Buffer.from(png));
      return data.text;
    },
    async terminate() {
      closed = true;
      const pending = starting;
      starting = undefined;
      if (!pending) return;
      const worker = await pending.catch(() => undefined);
      await worker?.terminate();
    },
  };
}

const require = createRequire(import.meta.url);

/** Folder holding `<lang>.traineddata.gz` (tesseract 4 "best_int" models), if the package is installed. */
function languageDataDir(lang: string): string | undefined {
  if (!/^[a-z_]{3,8}$/.test(lang)) return undefined;
  try {
    return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), "4.0.0_best_int");
  } catch {
    return undefined;
  }
}
