import { AppError } from "../../../errors.ts";
import type { TfjsWeight } from "./tfjs-weights.ts";

export interface UseLayerWeights {
  lnScale: Float32Array;
  lnBias: Float32Array;
  /** Layer 0 only: the dense layer that widens the residual input. */
  residual?: { kernel: Float32Array; bias: Float32Array };
  qkvKernel: Float32Array;
  qkvBias: Float32Array;
  /** Width of each of q, k and v (heads × head size). */
  attentionWidth: number;
  queryScale: number;
  outKernel: Float32Array;
  outBias: Float32Array;
  ffnLnScale: Float32Array;
  ffnLnBias: Float32Array;
  ffnWidth: number;
  conv1Kernel: Float32Array;
  conv1Bias: Float32Array;
  conv2Kernel: Float32Array;
  conv2Bias: Float32Array;
}

/** Everything buildUseGraph reads, by meaning rather than by tfjs node name. */
export interface UseWeights {
  vocabSize: number;
  /** Model width at the input of layer 0, between the layers, and at the output: 256, 512, 512. */
  dims: number[];
  heads: number;
  /** Tokens past this position are dropped (the graph's ClipToMaxLength). */
  maxLength: number;
  embeddings: Float32Array;
  /** [maxLength, dims[0]]: sin then cos of position × inverse timescale, rounded as float32. */
  timingSignal: Float32Array;
  maskBias: number;
  layerNormEpsilon: number;
  layers: UseLayerWeights[];
  tanhKernel: Float32Array;
  tanhBias: Float32Array;
  l2Epsilon: number;
}

const K = "module_apply_default/Encoder_en/KonaTransformer/";
const STACK = `${K}Encode/TransformerStack/`;

/**
 * Nodes whose presence pins down the graph this translation follows (the doubled embedding, the
 * widening residual, the clip, the mean pool, the final L2 norm). Another USE export would lack
 * some and fail here rather than give different vectors.
 */
const EXPECTED_OPS: Record<string, string> = {
  [`${K}ClipToMaxLength/Less`]: "Less",
  [`${STACK}Layer_0/add`]: "Add",
  [`${STACK}Layer_0/AddTimingSignal/TimingSignal/Sin`]: "Sin",
  [`${STACK}Layer_0/TransformerLayer/AdjustResidualInput/dense/MatMul`]: "MatMul",
  [`${STACK}Layer_1/TransformerLayer/MultiheadAttention/DotProductAttention/BaseDotProductAttention/Softmax`]:
    "Softmax",
  [`${STACK}Layer_1/TransformerLayer/FFN/layer_postprocess/add`]: "Add",
  [`${K}div`]: "RealDiv",
  "module_apply_default/Encoder_en/hidden_layers/tanh_layer_0/Tanh": "Tanh",
  "module_apply_default/Encoder_en/hidden_layers/l2_normalize": "Mul",
};

export function selectUseWeights(weights: Map<string, TfjsWeight>, ops: Map<string, string>): UseWeights {
  const fail = (message: string): never => {
    throw new AppError("model_unavailable", `USE lite graph: ${message}`);
  };
  for (const [name, op] of Object.entries(EXPECTED_OPS)) {
    if (ops.get(name) !== op) fail(`expected node ${name} (${op}), found ${ops.get(name) ?? "none"}`);
  }
  const get = (name: string, shape: number[]): TfjsWeight => {
    const weight = weights.get(name) ?? fail(`weight ${name} is missing`);
    const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
    // Kernels stored as [1, 1, in, out] (1×1 convolutions) are plain [in, out] matrices.
    const squeezed = weight.shape.filter((d, i) => d !== 1 || i >= weight.shape.length - shape.length);
    if (size(weight.shape) !== size(shape) || squeezed.join() !== shape.join()) {
      fail(`weight ${name} has shape [${weight.shape}], expected [${shape}]`);
    }
    return weight;
  };
  const floats = (name: string, shape: number[]) => {
    const weight = get(name, shape);
    return weight.dtype === "float32" ? (weight.data as Float32Array) : fail(`weight ${name} is not float32`);
  };
  const number = (name: string) => get(name, []).data[0]!;

  const embeddingsShape = weights.get("module/Embeddings_en")?.shape ?? fail("weight module/Embeddings_en is missing");
  const [vocabSize = 0, inputDim = 0] = embeddingsShape;
  const heads = number(
    `${STACK}Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2`,
  );
  const maxLength = number(`${K}ClipToMaxLength/Less/y`);
  // The widths after each layer are not stored as such; the kernels' shapes below check them.
  const dims = [inputDim, 512, 512];

  const layers = [0, 1].map((l): UseLayerWeights => {
    const own = `${K}Encode/Layer_${l}/TransformerLayer/`;
    const stack = `${STACK}Layer_${l}/TransformerLayer/`;
    const module = `module/Encoder_en/KonaTransformer/Encode/Layer_${l}/TransformerLayer/MultiheadAttention/`;
    const [dIn, dOut] = [dims[l]!, dims[l + 1]!];
    const split = get(`${stack}MultiheadAttention/Const`, [3]).data;
    const width = split[0]!;
    if (split[1] !== width || split[2] !== width) fail(`layer ${l} splits q/k/v unevenly: ${Array.from(split)}`);
    const headDim = number(`${stack}MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/3`);
    if (headDim * heads !== width) fail(`layer ${l}: ${heads} heads × ${headDim} ≠ ${width}`);
    const ffnWidth = weights.get(`${stack}FFN/conv1/Tensordot/Reshape_1`)?.shape[1] ?? 0;
    const norm = (at: string, d: number) => [
      floats(`${at}layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat`, [d]),
      floats(`${at}layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat`, [d]),
    ];
    const [lnScale, lnBias] = norm(own, dIn);
    const [ffnLnScale, ffnLnBias] = norm(`${own}FFN/`, dOut);
    return {
      lnScale: lnScale!,
      lnBias: lnBias!,
      residual:
        dIn === dOut
          ? undefined
          : {
              kernel: floats(`${own}dense/kernel/ConcatPartitions/concat`, [dIn, dOut]),
              bias: floats(`${own}dense/bias/ConcatPartitions/concat`, [dOut]),
            },
      qkvKernel: floats(`${module}qkv_transform_single/kernel/part_0`, [dIn, 3 * width]),
      qkvBias: floats(`${own}MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat`, [3 * width]),
      attentionWidth: width,
      queryScale: number(`${stack}MultiheadAttention/mul/y`),
      outKernel: floats(`${module}output_transform_single/kernel/part_0`, [width, dOut]),
      outBias: floats(`${own}MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat`, [dOut]),
      ffnLnScale: ffnLnScale!,
      ffnLnBias: ffnLnBias!,
      ffnWidth,
      conv1Kernel: floats(`${stack}FFN/conv1/Tensordot/Reshape_1`, [dOut, ffnWidth]),
      conv1Bias: floats(`${own}FFN/conv1/bias/ConcatPartitions/concat`, [ffnWidth]),
      conv2Kernel: floats(`${stack}FFN/conv2/Tensordot/Reshape_1`, [ffnWidth, dOut]),
      conv2Bias: floats(`${own}FFN/conv2/bias/ConcatPartitions/concat`, [dOut]),
    };
  });

  const inverseTimescales = floats(`${STACK}Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1`, [1, inputDim / 2]);
  return {
    vocabSize,
    dims,
    heads,
    maxLength,
    embeddings: floats("module/Embeddings_en", [vocabSize, inputDim]),
    timingSignal: timingSignal(inverseTimescales, maxLength),
    maskBias: number(
      `${STACK}Layer_1/TransformerLayer/MultiheadAttention/DotProductAttention/attention_bias_ignore_padding/mul/y`,
    ),
    layerNormEpsilon: number(`${STACK}Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x`),
    layers,
    tanhKernel: floats("module/Encoder_en/hidden_layers/tanh_layer_0/weights", [512, 512]),
    tanhBias: floats("module/Encoder_en/hidden_layers/tanh_layer_0/bias", [512]),
    l2Epsilon: number("module_apply_default/Encoder_en/hidden_layers/l2_normalize/Maximum/y"),
  };
}

/**
 * The graph's AddTimingSignal for positions 0 … length−1: the angle is a float32 product, as
 * tfjs multiplies it; its sine and cosine are taken in double and rounded once, which is what
 * a correctly rounded float32 sin/cos returns.
 */
function timingSignal(inverseTimescales: Float32Array, length: number): Float32Array {
  const half = inverseTimescales.length;
  const table = new Float32Array(length * 2 * half);
  for (let p = 0; p < length; p++) {
    for (let j = 0; j < half; j++) {
      const angle = Math.fround(p * inverseTimescales[j]!);
      table[p * 2 * half + j] = Math.sin(angle);
      table[p * 2 * half + half + j] = Math.cos(angle);
    }
  }
  return table;
}
