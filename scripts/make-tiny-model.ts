/**
 * Writes a tiny BERT-type feature-extraction model (config, WordPiece tokenizer, ONNX graph)
 * so the transformers backend can be exercised without any model hub.
 *
 *   npm run models:tiny [-- <outDir>]     (default: models/tiny-bert)
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { encodeOnnxModel } from "./internal/onnx-proto.ts";
import { buildTinyGraph } from "./internal/onnx-tiny-graph.ts";
import { buildVocab, tokenizerConfigJson, tokenizerJson } from "./internal/onnx-tiny-tokenizer.ts";

const CORPUS = fileURLToPath(new URL("../corpora/gbf-goals-targets.json", import.meta.url));

export interface TinyModelOptions {
  hiddenSize?: number;
  wordCount?: number;
  maxLength?: number;
  seed?: number;
}

export interface TinyModelInfo {
  dir: string;
  hiddenSize: number;
  vocabSize: number;
  maxLength: number;
}

/**
 * Generates the model folder `outDir` (`config.json`, `tokenizer.json`, `tokenizer_config.json`,
 * `onnx/model.onnx`). Same options → byte-identical files.
 */
export async function makeTinyModel(outDir: string, options: TinyModelOptions = {}): Promise<TinyModelInfo> {
  const { hiddenSize = 32, wordCount = 400, maxLength = 128, seed = 20240521 } = options;
  const entries = JSON.parse(await readFile(CORPUS, "utf8")) as Array<{ title?: string; text?: string }>;
  const text = entries.map((e) => `${e.title ?? ""} ${e.text ?? ""}`).join("\n");
  const vocab = buildVocab(text, wordCount);

  const config = {
    model_type: "bert",
    architectures: ["BertModel"],
    hidden_size: hiddenSize,
    vocab_size: vocab.length,
    max_position_embeddings: maxLength,
    num_attention_heads: 1,
    num_hidden_layers: 0,
    intermediate_size: hiddenSize,
    type_vocab_size: 2,
    pad_token_id: 0,
  };
  const onnx = encodeOnnxModel(buildTinyGraph(vocab.length, hiddenSize, seed), 13);

  await mkdir(join(outDir, "onnx"), { recursive: true });
  const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;
  await writeFile(join(outDir, "config.json"), json(config));
  await writeFile(join(outDir, "tokenizer.json"), json(tokenizerJson(vocab, maxLength)));
  await writeFile(join(outDir, "tokenizer_config.json"), json(tokenizerConfigJson(maxLength)));
  await writeFile(join(outDir, "onnx", "model.onnx"), onnx);
  return { dir: outDir, hiddenSize, vocabSize: vocab.length, maxLength };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? "models/tiny-bert");
  const info = await makeTinyModel(outDir);
  console.log(`Wrote tiny model to ${info.dir} (vocab ${info.vocabSize}, hidden ${info.hiddenSize})`);
}
