import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { ClassificationResult } from "../classify/types.ts";
import { classifyFile, type ClassifyFileDeps } from "../ingest/index.ts";

/**
 * `classify <file>`: reads the file and runs the `classifyFile` use case (the one behind
 * `POST /v1/classify`), so each evidence passage names its chunk (`<file name>:<index>`) and page.
 * Throws the stages' AppErrors.
 *
 * @example
 * const { result } = await classifyPath(deps, "report.pdf");
 * result.suggestions[0].evidence[0].page // 4
 */
export async function classifyPath(
  deps: ClassifyFileDeps,
  file: string,
): Promise<{ name: string; result: ClassificationResult }> {
  const name = basename(file);
  const { result } = await classifyFile(deps, new Uint8Array(await readFile(file)), { filename: name });
  return { name, result };
}
