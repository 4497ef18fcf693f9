/**
 * Downloads a Hugging Face model's files at a pinned revision into the models folder, for
 * machines with network access:
 *
 *   npm run models:pull -- Xenova/multilingual-e5-small [--revision <sha>] [--dir models]
 *
 * `HF_ENDPOINT` overrides the hub (default https://huggingface.co). Files are verified
 * against `src/embed/internal/model-manifest.ts` and written atomically.
 */
import { parseArgs } from "node:util";
import { pullModel } from "../src/embed/index.ts";
import { isAppError } from "../src/errors.ts";
import { createProgressBars } from "./internal/models-progress.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { revision: { type: "string" }, dir: { type: "string", default: "models" } },
});
const modelId = positionals[0];
if (!modelId) {
  console.error("usage: npm run models:pull -- <model id> [--revision <sha>] [--dir models]");
  process.exit(2);
}

try {
  const result = await pullModel({
    modelId,
    revision: values.revision,
    modelsDir: values.dir ?? "models",
    endpoint: process.env.HF_ENDPOINT || "https://huggingface.co",
    progress: createProgressBars(),
  });
  console.log(`${modelId}@${result.revision} → ${result.dir} (${result.files.length} files)`);
  console.log(`Use it with EMBED_BACKEND=transformers EMBED_MODEL=${modelId}`);
} catch (error) {
  console.error(isAppError(error) ? `${error.code}: ${error.message}` : error);
  process.exit(1);
}
