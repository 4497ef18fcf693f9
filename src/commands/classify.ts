import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import type { ClassificationResult, Classifier } from "../classify/types.ts";
import { AppError, toAppError } from "../errors.ts";
import type { ClassifyFileDeps } from "../ingest/index.ts";
import { classifyPath } from "./classify-file.ts";
import type { CommandIo } from "./io.ts";

export interface ClassifyDeps {
  classifier: Classifier;
  /** What `classify <file>` needs (the classifyFile use case); only for a file. */
  fileDeps?: ClassifyFileDeps;
}

export interface ClassifyArgs {
  /** JSONL input: one `{"id","text"}` per line (other fields are ignored). */
  in?: string;
  /** JSONL output; stdout when omitted. */
  out?: string;
  /** One document to extract and classify. */
  file?: string;
}

/** A JSONL line longer than this is refused rather than parsed (the classifier samples anyway). */
const MAX_LINE_CHARS = 20_000_000;

/** One output line: every GBF label scored, best first, then subjects and SDGs worth a look. */
export function resultLine(id: string | undefined, r: ClassificationResult): Record<string, unknown> {
  return {
    ...(id !== undefined ? { id } : {}),
    suggestions: r.suggestions.map((s) => ({
      id: s.id,
      space: s.space,
      score: s.score,
      decision: s.decision,
      evidence: s.evidence,
    })),
    modelId: r.modelId,
    classifierVersion: r.classifierVersion,
  };
}

function errorLine(line: number, err: unknown, id?: string): Record<string, unknown> {
  const e = toAppError(err);
  return { ...(id !== undefined ? { id } : {}), line, error: { code: e.code, message: e.message } };
}

async function classifyLine(
  classifier: Classifier,
  raw: string,
  n: number,
): Promise<{ ok: boolean; value: Record<string, unknown> }> {
  let id: string | undefined;
  try {
    if (raw.length > MAX_LINE_CHARS)
      throw new AppError("too_large", `Line is ${raw.length} characters; the limit is ${MAX_LINE_CHARS}.`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new AppError("bad_request", "Line is not valid JSON.");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw new AppError("bad_request", 'Line must be a JSON object like {"id": "...", "text": "..."}.');
    const rec = parsed as { id?: unknown; text?: unknown };
    if (rec.id !== undefined) id = String(rec.id);
    if (typeof rec.text !== "string") throw new AppError("bad_request", 'Line has no "text" string.');
    const result = await classifier.classifyText(rec.text);
    return { ok: true, value: resultLine(id, result) };
  } catch (err) {
    return { ok: false, value: errorLine(n, err, id) };
  }
}

/**
 * `classify --in in.jsonl [--out out.jsonl]` classifies each line; a bad line becomes an error
 * line and the rest still run. `classify <file>` extracts and classifies one document. Exit code
 * is 1 only when every line failed or a file could not be read or written.
 */
export async function runClassify(deps: ClassifyDeps, args: ClassifyArgs, io: CommandIo): Promise<number> {
  let sink: WriteStream | undefined;
  const write = async (obj: Record<string, unknown>) => {
    const s = JSON.stringify(obj);
    if (!sink) return io.out(s);
    if (!sink.write(`${s}\n`)) await new Promise<void>((r) => sink!.once("drain", () => r()));
  };
  try {
    if (args.out) {
      sink = createWriteStream(args.out);
      await new Promise<void>((resolve, reject) => sink!.once("open", () => resolve()).once("error", reject));
    }
    if (args.file) return await classifyOneFile(deps, args.file, write, io);
    if (!args.in) {
      io.err("classify: give --in <file.jsonl> or a document path");
      return 2;
    }
    let n = 0;
    let ok = 0;
    const input = createReadStream(args.in, { encoding: "utf8" });
    const lines = createInterface({ input, crlfDelay: Infinity });
    for await (const raw of lines) {
      n++;
      if (!raw.trim()) continue;
      const r = await classifyLine(deps.classifier, raw, n);
      if (r.ok) ok++;
      await write(r.value);
    }
    const attempted = n;
    if (ok === 0) io.err(attempted ? `classify: all lines failed` : `classify: ${args.in} has no lines`);
    return ok === 0 ? 1 : 0;
  } catch (err) {
    io.err(`classify: ${toAppError(err).message}`);
    return 1;
  } finally {
    if (sink) await new Promise<void>((r) => sink!.end(() => r()));
  }
}

async function classifyOneFile(
  deps: ClassifyDeps,
  file: string,
  write: (o: Record<string, unknown>) => Promise<void>,
  io: CommandIo,
): Promise<number> {
  const { fileDeps } = deps;
  if (!fileDeps) throw new AppError("bad_request", "Classifying a file needs the classifyFile dependencies.");
  try {
    const { name, result } = await classifyPath(fileDeps, file);
    await write(resultLine(name, result));
    return 0;
  } catch (err) {
    await write(errorLine(1, err, basename(file)));
    io.err(`classify: ${toAppError(err).message}`);
    return 1;
  }
}
