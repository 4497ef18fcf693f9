import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTinyModel } from "../../scripts/make-tiny-model.ts";
import { AppError } from "../errors.ts";
import { cosine, createEmbedder, type Embedder } from "./index.ts";

const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe("transformers embedder on the generated tiny model", () => {
  let modelsDir: string;
  let plain: Embedder;
  let e5: Embedder;

  beforeAll(async () => {
    modelsDir = await mkdtemp(join(tmpdir(), "chm-embed-"));
    await makeTinyModel(join(modelsDir, "tiny-bert"));
    await makeTinyModel(join(modelsDir, "tiny-e5"));
    plain = await createEmbedder({ backend: "transformers", modelsDir, model: "tiny-bert", batchSize: 2 });
    e5 = await createEmbedder({ backend: "transformers", modelsDir, model: "tiny-e5", batchSize: 2 });
  });

  afterAll(async () => {
    await plain?.close?.();
    await e5?.close?.();
    await rm(modelsDir, { recursive: true, force: true });
  });

  it("reads dims from the model output and its window from the tokenizer config", () => {
    expect(plain.dims).toBe(32);
    expect(plain.maxChars).toBe(128 * 3);
    expect(plain.modelId).toBe("tiny-bert:fp32@local");
    expect(plain.multilingual).toBe(false);
  });

  it("returns unit vectors in the caller's order", async () => {
    const texts = [
      "restore degraded ecosystems and wetlands across every region",
      "species",
      "invasive alien species",
      "",
      "genetic diversity",
    ];
    const together = await plain.embed(texts, "passage");
    expect(together).toHaveLength(texts.length);
    for (const [i, text] of texts.entries()) {
      expect(together[i]).toBeInstanceOf(Float32Array);
      expect(norm(together[i]!)).toBeCloseTo(1, 5);
      const [alone] = await plain.embed([text], "passage");
      expect(cosine(alone!, together[i]!)).toBeGreaterThan(0.9999);
    }
    // Different texts must not collapse onto one vector (tokens really reach the graph).
    expect(cosine(together[1]!, together[4]!)).toBeLessThan(0.99);
  });

  it("adds e5's query/passage prefixes only for e5 models", async () => {
    const text = "marine protected areas";
    const [q5, p5] = [(await e5.embed([text], "query"))[0]!, (await e5.embed([text], "passage"))[0]!];
    expect(cosine(q5, p5)).toBeLessThan(0.999);
    const [q, p] = [(await plain.embed([text], "query"))[0]!, (await plain.embed([text], "passage"))[0]!];
    expect(Array.from(q)).toEqual(Array.from(p));
    // The e5 passage vector is exactly the plain model run on the prefixed text.
    const [manual] = await plain.embed([`passage: ${text}`], "passage");
    expect(cosine(manual!, p5)).toBeGreaterThan(0.9999);
  });

  it("generates the tiny model byte-for-byte the same every time", async () => {
    await makeTinyModel(join(modelsDir, "again"));
    for (const file of ["onnx/model.onnx", "tokenizer.json", "config.json"]) {
      const first = await readFile(join(modelsDir, "tiny-bert", file));
      expect((await readFile(join(modelsDir, "again", file))).equals(first)).toBe(true);
    }
  });

  it("reports a missing model folder as model_unavailable with the pull command", async () => {
    const error = await createEmbedder({
      backend: "transformers",
      modelsDir,
      model: "no/such-model",
      batchSize: 4,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("model_unavailable");
    expect((error as AppError).message).toContain("npm run models:pull -- no/such-model");
  });

  it("reports a corrupt ONNX file as model_unavailable", async () => {
    await makeTinyModel(join(modelsDir, "broken"));
    await writeFile(join(modelsDir, "broken", "onnx", "model.onnx"), "not a model");
    const error = await createEmbedder({ backend: "transformers", modelsDir, model: "broken", batchSize: 4 }).catch(
      (e: unknown) => e,
    );
    expect((error as AppError).code).toBe("model_unavailable");
  });
});
