import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeTinyModel } from "../../scripts/make-tiny-model.ts";
import { AppError } from "../errors.ts";
import { createEmbedder, pullModel, type ModelManifest } from "./index.ts";

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
/** The AppError a promise rejects with; fails the test if it resolves. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

const REV = "0123456789abcdef0123456789abcdef01234567";

/** A fake hub: serves `/<id>/resolve/<rev>/<file>` from a map, 404 for anything else. */
function startHub(files: Map<string, Uint8Array | string>): Promise<{ server: Server; url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    const body = files.get(decodeURIComponent(req.url ?? ""));
    if (body === undefined) return void res.writeHead(404).end("not found");
    res.writeHead(200, { "content-length": Buffer.byteLength(body) }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits }),
    ),
  );
}

describe("pullModel against a local fake hub", () => {
  const files = new Map<string, Uint8Array | string>();
  let hub: Awaited<ReturnType<typeof startHub>>;
  let modelsDir: string;
  const content = { "config.json": '{"model_type":"bert"}', "tokenizer.json": "{}", "onnx/model.onnx": "weights" };
  const manifest = (pins: Record<string, string | null>): ModelManifest => ({
    "acme/e5-fake": { revision: REV, files: pins },
  });

  beforeAll(async () => {
    for (const [name, body] of Object.entries(content)) files.set(`/acme/e5-fake/resolve/${REV}/${name}`, body);
    hub = await startHub(files);
  });
  afterAll(() => new Promise<void>((resolve) => hub.server.close(() => resolve())));
  beforeEach(async () => {
    modelsDir = await mkdtemp(join(tmpdir(), "chm-pull-"));
  });
  afterEach(() => rm(modelsDir, { recursive: true, force: true }));

  it("puts verified files in place and records their checksums", async () => {
    const pins = Object.fromEntries(Object.entries(content).map(([f, body]) => [f, sha256(body)]));
    const result = await pullModel({ modelId: "acme/e5-fake", modelsDir, endpoint: hub.url, manifest: manifest(pins) });
    expect(result.revision).toBe(REV);
    expect(result.files.every((f) => f.pinned)).toBe(true);
    const dir = join(modelsDir, "acme/e5-fake");
    expect(await readFile(join(dir, "onnx/model.onnx"), "utf8")).toBe("weights");
    const record = JSON.parse(await readFile(join(dir, "checksums.json"), "utf8"));
    expect(record).toEqual({ model: "acme/e5-fake", revision: REV, files: pins });
    expect((await readdir(modelsDir)).sort()).toEqual(["acme"]);
  });

  it("rejects a checksum mismatch and leaves nothing behind", async () => {
    const pins = {
      ...Object.fromEntries(Object.keys(content).map((f) => [f, null])),
      "onnx/model.onnx": sha256("other"),
    };
    const error = await failure(
      pullModel({ modelId: "acme/e5-fake", modelsDir, endpoint: hub.url, manifest: manifest(pins) }),
    );
    expect(error.code).toBe("model_unavailable");
    expect(error.message).toContain("Checksum mismatch");
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it("fails cleanly when a required file is missing upstream", async () => {
    const pins = { "config.json": null, "vocab.txt": null };
    const error = await failure(
      pullModel({ modelId: "acme/e5-fake", modelsDir, endpoint: hub.url, manifest: manifest(pins) }),
    );
    expect(error.code).toBe("model_unavailable");
    expect(error.message).toContain("vocab.txt");
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it("pulls an unlisted model with fallbacks, then loads it and verifies it at load", async () => {
    const source = await mkdtemp(join(tmpdir(), "chm-pull-src-"));
    try {
      await makeTinyModel(source);
      for (const name of ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx"]) {
        files.set(`/acme/tiny-e5/resolve/${REV}/${name}`, await readFile(join(source, name)));
      }
      const seen: string[] = [];
      const result = await pullModel({
        modelId: "acme/tiny-e5",
        revision: REV,
        modelsDir,
        endpoint: `${hub.url}/`,
        manifest: {},
        progress: { finish: (file, _sha, pinned) => seen.push(`${file}:${pinned}`) },
      });
      // No special_tokens_map.json and no quantized weights upstream: both are skipped.
      expect(result.files.map((f) => f.path)).toEqual([
        "config.json",
        "tokenizer.json",
        "tokenizer_config.json",
        "onnx/model.onnx",
      ]);
      expect(seen).toContain("onnx/model.onnx:false");
      expect(hub.hits).toContain(`/acme/tiny-e5/resolve/${REV}/onnx/model_quantized.onnx`);

      const embedder = await createEmbedder({
        backend: "transformers",
        modelsDir,
        model: "acme/tiny-e5",
        batchSize: 8,
      });
      expect(embedder.modelId).toBe(`acme/tiny-e5:fp32@${REV}`);
      expect(embedder.dims).toBe(32);
      await embedder.close?.();

      await writeFile(join(modelsDir, "acme/tiny-e5/tokenizer_config.json"), "{}");
      const error = await failure(
        createEmbedder({ backend: "transformers", modelsDir, model: "acme/tiny-e5", batchSize: 8 }),
      );
      expect(error.code).toBe("model_unavailable");
      expect(error.message).toContain("tokenizer_config.json");
    } finally {
      await rm(source, { recursive: true, force: true });
    }
  });
});
