import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import { afterEach, describe, expect, it } from "vitest";
import { convertUseModel, useModelDir } from "./convert.ts";

const source = useModelDir();
const made: string[] = [];

/**
 * A copy of the package's dist/ folder with `changes` applied: a string replaces a file, null
 * removes it. Unchanged files are symlinks, so no test copies the 28 MB of weights.
 */
function packageWith(changes: Record<string, string | Buffer | null>): string {
  const dir = mkdtempSync(join(tmpdir(), "use-onnx-"));
  made.push(dir);
  for (const name of readdirSync(source)) {
    const change = changes[name];
    if (change === undefined) symlinkSync(join(source, name), join(dir, name));
    else if (change !== null) writeFileSync(join(dir, name), change);
  }
  return dir;
}

const modelJson = () => JSON.parse(readFileSync(join(source, "model.json"), "utf8"));

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("convertUseModel", () => {
  it("builds, from the installed package, a model onnxruntime loads with the expected signature", async () => {
    const { model, vocabulary, maxLength } = await convertUseModel();
    expect(vocabulary).toHaveLength(8000);
    expect(maxLength).toBe(128);
    const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1 });
    try {
      expect(session.inputNames).toEqual(["ids", "mask"]);
      expect(session.outputNames).toEqual(["embeddings"]);
    } finally {
      await session.release();
    }
  });

  it.each([
    ["model.json missing", { "model.json": null }, /cannot read graph .*model\.json/],
    ["model.json not JSON", { "model.json": "{ not json" }, /model\.json is not valid JSON/],
    ["no weights manifest", { "model.json": "{}" }, /has no weightsManifest/],
    ["a shard missing", { "group1-shard3of7": null }, /cannot read weight shard .*group1-shard3of7/],
    ["a shard truncated", { "group1-shard7of7": Buffer.alloc(1000) }, /hold \d+ bytes, too few for/],
    ["vocab.json missing", { "vocab.json": null }, /cannot read .*vocab\.json/],
    ["vocab.json not a vocabulary", { "vocab.json": '{"a": 1}' }, /is not a list of \[piece, score\]/],
  ])("fails with a clear error when %s", async (_, changes, message) => {
    await expect(convertUseModel(packageWith(changes))).rejects.toThrow(message);
  });

  it("fails with a clear error when a weight it needs is renamed or the graph is another one", async () => {
    const renamed = modelJson();
    const weight = renamed.weightsManifest[0].weights.find((w: { name: string }) => w.name === "module/Embeddings_en");
    weight.name = "module/Embeddings_xx";
    await expect(convertUseModel(packageWith({ "model.json": JSON.stringify(renamed) }))).rejects.toThrow(
      /weight module\/Embeddings_en is missing/,
    );

    const other = modelJson();
    other.modelTopology.node = other.modelTopology.node.filter((n: { op: string }) => n.op !== "Sin");
    await expect(convertUseModel(packageWith({ "model.json": JSON.stringify(other) }))).rejects.toThrow(
      /expected node .*TimingSignal\/Sin \(Sin\), found none/,
    );
  });
});
