import { type AttrValue, GraphBuilder } from "./graph-builder.ts";
import { type OnnxGraph, OnnxType } from "./onnx-proto.ts";
import type { UseWeights } from "./use-weights.ts";

/** Default-domain opset: the last one where ReduceMean takes its axes as an attribute. */
export const USE_OPSET = 17;

/**
 * USE lite's KonaTransformer as one ONNX graph, op for op in the order the tfjs graph computes,
 * so every float is rounded as there. Inputs: `ids` [batch, seq] int64 (padding any id) and
 * `mask` [batch, seq] float (1 = token); output `embeddings` [batch, 512], L2-normalised by the
 * graph itself as the original's last op does.
 *
 * The tfjs graph gathers the valid tokens (GatherNd), transforms them, and scatters them back
 * (ScatterNd) around each residual input and FFN, leaving padding rows at zero. Here every row
 * is computed and padding rows hold junk instead, which cannot reach a token: attention adds
 * −1e9 to padded keys, so their softmax weight is exactly 0, and the mean pools only masked
 * rows. Row-wise ops (LayerNorm, MatMul, FFN) give a token the same value either way.
 */
export function buildUseGraph(w: UseWeights): OnnxGraph {
  const g = new GraphBuilder();
  const c = (base: string, values: Float32Array, dims: number[]) => g.floats(base, values, dims);
  const scalar = (base: string, value: number) => g.floats(base, [value], []);
  const axes = (name: string, values: number[]) => g.int64s(name, values);
  const last: Record<string, AttrValue> = { axes: [-1], keepdims: 1 };

  const eps = scalar("layer_norm_epsilon", w.layerNormEpsilon);
  const layerNorm = (x: string, scale: string, bias: string) => {
    // Spelled out in tfjs's order rather than as LayerNormalization, whose kernel may take the
    // variance as E[x²] − mean², which rounds differently.
    const centred = g.op("Sub", [x, g.op("ReduceMean", [x], last)]);
    const variance = g.op("ReduceMean", [g.op("Mul", [centred, centred])], last);
    const rsqrt = g.op("Reciprocal", [g.op("Sqrt", [g.op("Add", [variance, eps])])]);
    return g.op("Add", [g.op("Mul", [g.op("Mul", [scale, rsqrt]), centred]), bias]);
  };
  const dense = (x: string, kernel: string, bias: string) => g.op("Add", [g.op("MatMul", [x, kernel]), bias]);

  // Positions start at 0 in every row, so the sinusoid rows are the first `seq` of a table.
  g.scope("input/");
  const seqLen = g.op("Shape", ["ids"], { start: 1, end: 2 });
  const timing = g.op("Slice", [
    c("timing_signal", w.timingSignal, [w.maxLength, w.dims[0]!]),
    axes("zero", [0]),
    seqLen,
  ]);
  const embedded = g.op("Gather", [c("embeddings", w.embeddings, [w.vocabSize, w.dims[0]!]), "ids"], { axis: 0 });
  // The tfjs graph adds the token embedding twice: once under the timing signal, once beside it.
  let x = g.op("Add", [embedded, g.op("Add", [embedded, timing])]);
  // Padded keys: (not mask) · −1e9, shaped [batch, 1, 1, seq] to broadcast over heads and queries.
  const padding = g.op("Sub", [scalar("one", 1), "mask"]);
  const keyBias = g.op("Unsqueeze", [
    g.op("Mul", [padding, scalar("mask_bias", w.maskBias)]),
    axes("head_query_axes", [1, 2]),
  ]);

  w.layers.forEach((layer, l) => {
    const width = layer.attentionWidth;
    const headDim = width / w.heads;
    g.scope(`layer${l}/attention/`);
    const normed = layerNorm(x, c("ln_scale", layer.lnScale, [w.dims[l]!]), c("ln_bias", layer.lnBias, [w.dims[l]!]));
    // Layer 0 widens 256 → 512, so its residual goes through a dense layer first.
    const residual = layer.residual
      ? dense(
          x,
          c("residual_kernel", layer.residual.kernel, [w.dims[l]!, w.dims[l + 1]!]),
          c("residual_bias", layer.residual.bias, [w.dims[l + 1]!]),
        )
      : x;
    const qkv = dense(
      normed,
      c("qkv_kernel", layer.qkvKernel, [w.dims[l]!, 3 * width]),
      c("qkv_bias", layer.qkvBias, [3 * width]),
    );
    const [q, k, v] = g.opN("Split", [qkv, axes("split", [width, width, width])], 3, { axis: 2 });
    const headShape = axes("head_shape", [0, 0, w.heads, headDim]);
    const heads = (t: string, perm: number[]) => g.op("Transpose", [g.op("Reshape", [t, headShape])], { perm });
    const queries = g.op("Mul", [heads(q!, [0, 2, 1, 3]), scalar("query_scale", layer.queryScale)]);
    const logits = g.op("Add", [g.op("MatMul", [queries, heads(k!, [0, 2, 3, 1])]), keyBias]);
    const weights = g.op("Softmax", [logits], { axis: -1 });
    const context = g.op("MatMul", [weights, heads(v!, [0, 2, 1, 3])]);
    const merged = g.op("Reshape", [
      g.op("Transpose", [context], { perm: [0, 2, 1, 3] }),
      axes("merged_shape", [0, 0, width]),
    ]);
    const attended = dense(
      merged,
      c("out_kernel", layer.outKernel, [width, w.dims[l + 1]!]),
      c("out_bias", layer.outBias, [w.dims[l + 1]!]),
    );
    x = g.op("Add", [attended, residual]);

    g.scope(`layer${l}/ffn/`);
    const d = w.dims[l + 1]!;
    const ffnIn = layerNorm(x, c("ln_scale", layer.ffnLnScale, [d]), c("ln_bias", layer.ffnLnBias, [d]));
    const hidden = g.op("Relu", [
      dense(
        ffnIn,
        c("conv1_kernel", layer.conv1Kernel, [d, layer.ffnWidth]),
        c("conv1_bias", layer.conv1Bias, [layer.ffnWidth]),
      ),
    ]);
    const ffnOut = dense(
      hidden,
      c("conv2_kernel", layer.conv2Kernel, [layer.ffnWidth, d]),
      c("conv2_bias", layer.conv2Bias, [d]),
    );
    x = g.op("Add", [ffnOut, x]);
  });

  g.scope("pool/");
  const out = w.dims[w.dims.length - 1]!;
  const summed = g.op(
    "ReduceSum",
    [g.op("Mul", [x, g.op("Unsqueeze", ["mask", axes("feature_axis", [2])])]), axes("seq_axis", [1])],
    { keepdims: 0 },
  );
  const lengths = g.op("Max", [g.op("ReduceSum", ["mask", axes("seq_axis", [1])], { keepdims: 1 }), scalar("one", 1)]);
  const pooled = g.op("Div", [summed, lengths]);
  const hiddenOut = g.op("Tanh", [
    dense(pooled, c("tanh_kernel", w.tanhKernel, [out, out]), c("tanh_bias", w.tanhBias, [out])),
  ]);
  const squares = g.op("ReduceSum", [g.op("Mul", [hiddenOut, hiddenOut]), axes("feature_axis", [1])], { keepdims: 1 });
  const norm = g.op("Reciprocal", [g.op("Sqrt", [g.op("Max", [squares, scalar("l2_epsilon", w.l2Epsilon)])])]);
  g.output(g.op("Mul", [hiddenOut, norm]), "embeddings");

  return g.build(
    "use-lite-kona-transformer",
    [
      { name: "ids", elemType: OnnxType.INT64, shape: ["batch", "seq"] },
      { name: "mask", elemType: OnnxType.FLOAT, shape: ["batch", "seq"] },
    ],
    [{ name: "embeddings", elemType: OnnxType.FLOAT, shape: ["batch", out] }],
  );
}
