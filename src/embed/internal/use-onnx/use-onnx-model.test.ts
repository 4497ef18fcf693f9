import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTfjsModel } from "../use-embedder.ts";
import { compareVectors as compare } from "./fixtures.ts";
import { createUseOnnxModel, type UseOnnxModel } from "./use-onnx-model.ts";

type Embed = (texts: string[]) => Promise<number[][]>;

/** The tfjs model exactly as use-embedder.ts loads it (WASM kernels). */
async function loadTfjsReference(): Promise<Embed> {
  const model = await loadTfjsModel("wasm");
  return (texts) => model.embed(texts);
}

const corpusText = readFileSync("corpora/sdg-dev/oro-gold.jsonl", "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { text: string }).text)
  .join(" ");

/** ~30 texts of every kind; lengths mixed so one batch pads most of them. */
const TEXTS = [
  " ",
  "a",
  "biodiversity",
  "Hello, world!",
  "The quick brown fox jumps over the lazy dog.",
  "What are the targets of the Kunming-Montreal Global Biodiversity Framework?",
  "Protected areas should cover 30% of land and sea by 2030 (Target 3).",
  corpusText.slice(0, 300),
  corpusText.slice(300, 1300), // 1,000 chars: more than 128 tokens, so the graph clips it
  "x".repeat(1000),
  "Les aires protégées couvrent 17 % des terres émergées.",
  "Die Straße führt über die Brücke; Größe und Maß.",
  "Η βιοποικιλότητα μειώνεται παγκοσμίως.",
  "Биоразнообразие сокращается во всём мире.",
  "生物多样性在全球范围内正在减少。",
  "التنوع البيولوجي يتراجع في جميع أنحاء العالم",
  "जैव विविधता घट रही है",
  "生物多様性は世界中で減少している",
  "😀 🌍🌱 👍🏽",
  "0 1 2 3 4 5 6 7 8 9",
  "2024-12-31 3.14159 1,000,000 -42 1e10",
  "https://www.cbd.int/gbf/targets/3 :) :(",
  "ALL CAPS HEADLINE ABOUT WETLANDS",
  "tab\tseparated\nnew line\r\nand more",
  "species species species species species species species species",
  "ﬁ ① ＦＵＬＬＷＩＤＴＨ ½",
  "qqqqzzzz xkcdxkcd",
  "Mangroves store carbon. Coral reefs shelter fish. Forests regulate water.",
  corpusText.slice(1300, 1420),
  "  leading and trailing spaces  ",
];

describe("createUseOnnxModel", () => {
  let onnx: UseOnnxModel;
  let tfjs: Embed;
  let reference: number[][];
  let batched: number[][];

  beforeAll(async () => {
    [onnx, tfjs] = await Promise.all([createUseOnnxModel(), loadTfjsReference()]);
    // tfjs one text at a time (padding every text to the longest would triple its work), ONNX
    // in one padded batch: the comparison also covers batching.
    reference = [];
    for (const text of TEXTS) reference.push(...(await tfjs([text])));
    batched = await onnx.embed(TEXTS);
  });
  afterAll(() => onnx?.close());

  it("gives the tfjs model's vectors, for a batch of mixed lengths", () => {
    expect(batched).toHaveLength(TEXTS.length);
    TEXTS.forEach((text, i) => {
      expect(batched[i]).toHaveLength(512);
      const { cosine, maxAbs } = compare(batched[i]!, reference[i]!);
      expect(cosine, JSON.stringify(text.slice(0, 40))).toBeGreaterThanOrEqual(0.99999);
      expect(maxAbs, JSON.stringify(text.slice(0, 40))).toBeLessThan(1e-5);
    });
  });

  it("gives a text in a batch the vector it gets alone", async () => {
    for (const i of [0, 3, 8, 14, 29]) {
      const [alone] = await onnx.embed([TEXTS[i]!]);
      expect(compare(alone!, batched[i]!).maxAbs, JSON.stringify(TEXTS[i]!.slice(0, 40))).toBeLessThan(1e-6);
    }
  });

  it("handles an empty text inside a batch as the tfjs graph does (an all-padding row)", async () => {
    const texts = ["first text", "", "third"];
    const [ours, theirs] = await Promise.all([onnx.embed(texts), tfjs(texts)]);
    texts.forEach((_, i) => expect(compare(ours[i]!, theirs[i]!).cosine).toBeGreaterThanOrEqual(0.99999));
    // tfjs fails on a batch of empty texts only; here each gets that same padding-row vector.
    const [alone] = await onnx.embed([""]);
    expect(compare(alone!, ours[1]!).maxAbs).toBeLessThan(1e-6);
    expect(await onnx.embed([])).toEqual([]);
  });
});
