import { readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { CLASSIFIER_CACHE_DIR, type Services } from "../app.ts";
import type { JobState } from "../store/types.ts";
import type { CommandIo } from "./io.ts";

const require = createRequire(import.meta.url);
const JOB_STATES: JobState[] = ["queued", "running", "done", "failed"];

/**
 * `chm-lens doctor`: what this installation runs on — embedding backend and model, OCR languages,
 * store location and counts, models on disk. Exit code 1 when something configured is missing.
 */
export async function runDoctor(
  services: Pick<Services, "config" | "embedder" | "store">,
  _args: object,
  io: CommandIo,
): Promise<number> {
  const { config, embedder, store } = services;
  const problems: string[] = [];
  io.out("Embedding");
  io.out(`  backend      ${config.EMBED_BACKEND}`);
  io.out(
    `  model        ${embedder.modelId} (${embedder.dims} dims, ${embedder.maxChars} chars/chunk, ${embedder.multilingual ? "multilingual" : "English only"})`,
  );

  const wanted = config.OCR_LANGS.split("+")
    .map((l) => l.trim())
    .filter(Boolean);
  const available = wanted.filter(ocrLanguageInstalled);
  const missing = wanted.filter((l) => !available.includes(l));
  io.out("OCR");
  io.out(`  enabled      ${config.OCR_ENABLED ? "yes" : "no"}`);
  io.out(
    `  languages    ${available.join(", ") || "(none)"}${missing.length ? `  — missing: ${missing.join(", ")}` : ""}`,
  );
  if (config.OCR_ENABLED && missing.length) problems.push(`OCR language data missing for ${missing.join(", ")}`);

  io.out("Store");
  io.out(`  uri          ${store.uri}`);
  try {
    const [documents, chunks] = await Promise.all([store.documents.count(), store.chunks.count()]);
    const jobs = await Promise.all(JOB_STATES.map(async (s) => `${s} ${(await store.jobs.list({ state: s })).length}`));
    io.out(`  documents    ${documents}`);
    io.out(`  chunks       ${chunks}`);
    io.out(`  jobs         ${jobs.join(", ")}`);
  } catch (e) {
    problems.push(`store unreadable: ${(e as Error).message}`);
  }
  io.out("Classifier");
  const cached = (await readdir(join(config.DATA_DIR, CLASSIFIER_CACHE_DIR)).catch(() => [])).filter((f) =>
    f.endsWith(".json"),
  );
  io.out(`  cache        ${cached.length ? cached.join(", ") : "(none: trained on the next server start or ingest)"}`);

  io.out("Models");
  io.out(`  dir          ${config.MODELS_DIR}`);
  const models = await findModels(config.MODELS_DIR);
  io.out(models.length ? models.map((m) => `  - ${m}`).join("\n") : "  (none found)");
  if (config.EMBED_BACKEND === "transformers" && !models.includes(config.EMBED_MODEL)) {
    problems.push(`EMBED_MODEL ${config.EMBED_MODEL} not found under ${config.MODELS_DIR}`);
  }

  if (problems.length) {
    io.err(problems.map((p) => `problem: ${p}`).join("\n"));
    return 1;
  }
  io.out("\nAll good.");
  return 0;
}

/** Same lookup as extract's OCR engine: traineddata ships in `@tesseract.js-data/<lang>`. */
function ocrLanguageInstalled(lang: string): boolean {
  if (!/^[a-z_]{3,8}$/.test(lang)) return false;
  try {
    require.resolve(`@tesseract.js-data/${lang}/package.json`);
    return true;
  } catch {
    return false;
  }
}

/** Model folders (holding a config.json) up to three levels down, as `org/name` paths. */
async function findModels(root: string, prefix = "", depth = 0): Promise<string[]> {
  const entries = await readdir(join(root, prefix), { withFileTypes: true }).catch(() => []);
  if (entries.some((e) => e.isFile() && e.name === "config.json") && prefix) return [prefix];
  if (depth >= 3) return [];
  const found: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory() && !e.name.startsWith("."))
      found.push(...(await findModels(root, prefix ? `${prefix}/${e.name}` : e.name, depth + 1)));
  }
  return found;
}
