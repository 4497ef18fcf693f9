// The fold PRNG, so the same seed always writes the same weights.
import { mulberry32 } from "../../src/eval/index.ts";
import { type OnnxGraph, OnnxType } from "./onnx-proto.ts";

function littleEndianFloats(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return out;
}

function littleEndianInt64s(values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return out;
}

/**
 * A BERT-shaped encoder in one lookup: `last_hidden_state = Gather(table, input_ids) *
 * attention_mask[..., None]`. Inputs and output carry the names and shapes transformers.js
 * expects of a feature-extraction model, so its real tokenise → run → pool path executes.
 */
export function buildTinyGraph(vocabSize: number, hiddenSize: number, seed: number): OnnxGraph {
  const random = mulberry32(seed);
  const table = new Float32Array(vocabSize * hiddenSize);
  for (let i = 0; i < table.length; i++) table[i] = random() * 2 - 1;
  return {
    name: "tiny-bert",
    initializers: [
      {
        name: "embeddings.word_embeddings.weight",
        dims: [vocabSize, hiddenSize],
        dataType: OnnxType.FLOAT,
        rawData: littleEndianFloats(table),
      },
      { name: "last_axis", dims: [1], dataType: OnnxType.INT64, rawData: littleEndianInt64s([-1]) },
    ],
    nodes: [
      {
        name: "lookup",
        opType: "Gather",
        inputs: ["embeddings.word_embeddings.weight", "input_ids"],
        outputs: ["token_vectors"],
        attributes: [{ name: "axis", type: 2, i: 0 }],
      },
      {
        name: "mask_to_float",
        opType: "Cast",
        inputs: ["attention_mask"],
        outputs: ["mask_float"],
        attributes: [{ name: "to", type: 2, i: OnnxType.FLOAT }],
      },
      { name: "mask_expand", opType: "Unsqueeze", inputs: ["mask_float", "last_axis"], outputs: ["mask_3d"] },
      { name: "apply_mask", opType: "Mul", inputs: ["token_vectors", "mask_3d"], outputs: ["last_hidden_state"] },
    ],
    inputs: [
      { name: "input_ids", elemType: OnnxType.INT64, shape: ["batch_size", "sequence_length"] },
      { name: "attention_mask", elemType: OnnxType.INT64, shape: ["batch_size", "sequence_length"] },
    ],
    outputs: [
      {
        name: "last_hidden_state",
        elemType: OnnxType.FLOAT,
        shape: ["batch_size", "sequence_length", hiddenSize],
      },
    ],
  };
}
