import protobuf from "protobufjs";

/**
 * The subset of onnx.proto (proto2, package onnx) that chm-lens writes: the tiny test model of
 * scripts/make-tiny-model.ts and the USE graph built at load time. Field numbers are the real
 * ones, so onnxruntime parses the bytes as an ordinary model file.
 */
const ONNX_SUBSET = `
syntax = "proto2";
package onnx;

message AttributeProto {
  enum AttributeType { UNDEFINED = 0; FLOAT = 1; INT = 2; STRING = 3; TENSOR = 4; GRAPH = 5; FLOATS = 6; INTS = 7; }
  optional string name = 1;
  optional float f = 2;
  optional int64 i = 3;
  optional bytes s = 4;
  optional TensorProto t = 5;
  repeated float floats = 7;
  repeated int64 ints = 8;
  optional AttributeType type = 20;
}

message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  optional string name = 3;
  optional string op_type = 4;
  repeated AttributeProto attribute = 5;
  optional string domain = 7;
}

message TensorProto {
  repeated int64 dims = 1;
  optional int32 data_type = 2;
  optional string name = 8;
  optional bytes raw_data = 9;
}

message TensorShapeProto {
  message Dimension {
    optional int64 dim_value = 1;
    optional string dim_param = 2;
  }
  repeated Dimension dim = 1;
}

message TypeProto {
  message Tensor {
    optional int32 elem_type = 1;
    optional TensorShapeProto shape = 2;
  }
  optional Tensor tensor_type = 1;
}

message ValueInfoProto {
  optional string name = 1;
  optional TypeProto type = 2;
}

message GraphProto {
  repeated NodeProto node = 1;
  optional string name = 2;
  repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
}

message OperatorSetIdProto {
  optional string domain = 1;
  optional int64 version = 2;
}

message ModelProto {
  optional int64 ir_version = 1;
  optional string producer_name = 2;
  optional string producer_version = 3;
  optional GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
}
`;

/** TensorProto.DataType values used here. */
export const OnnxType = { FLOAT: 1, INT32: 6, INT64: 7, BOOL: 9 } as const;
/** AttributeProto.AttributeType values used here. */
export const OnnxAttr = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7 } as const;

export interface OnnxTensor {
  name: string;
  dims: number[];
  dataType: number;
  rawData: Uint8Array;
}
export interface OnnxValueInfo {
  name: string;
  elemType: number;
  /** Numbers are fixed sizes; strings are symbolic (e.g. "batch"). */
  shape: Array<number | string>;
}
/** One attribute; set the field that `type` names (i for INT, ints for INTS, …). */
export interface OnnxAttribute {
  name: string;
  type: number;
  i?: number;
  f?: number;
  s?: Uint8Array;
  t?: OnnxTensor;
  ints?: number[];
  floats?: number[];
}
export interface OnnxNode {
  opType: string;
  inputs: string[];
  outputs: string[];
  name: string;
  attributes?: OnnxAttribute[];
}
export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
}

let modelProto: protobuf.Type | undefined;

function tensor(t: OnnxTensor) {
  return { name: t.name, dims: t.dims, dataType: t.dataType, rawData: t.rawData };
}

// Absent fields must stay absent: the tiny model's bytes are compared across runs.
function attribute(a: OnnxAttribute) {
  const { t, ...rest } = a;
  return t ? { ...rest, t: tensor(t) } : rest;
}

function valueInfo(v: OnnxValueInfo) {
  const dim = v.shape.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d }));
  return { name: v.name, type: { tensorType: { elemType: v.elemType, shape: { dim } } } };
}

/** Serialises a graph into ONNX model bytes (ir_version 8, default-domain opset). */
export function encodeOnnxModel(
  graph: OnnxGraph,
  opset: number,
  producerName = "chm-lens make-tiny-model",
): Uint8Array {
  modelProto ??= protobuf.parse(ONNX_SUBSET, { keepCase: false }).root.lookupType("onnx.ModelProto");
  const message = {
    irVersion: 8,
    producerName,
    producerVersion: "1",
    opsetImport: [{ domain: "", version: opset }],
    graph: {
      name: graph.name,
      node: graph.nodes.map((n) => ({
        input: n.inputs,
        output: n.outputs,
        name: n.name,
        opType: n.opType,
        attribute: (n.attributes ?? []).map(attribute),
      })),
      initializer: graph.initializers.map(tensor),
      input: graph.inputs.map(valueInfo),
      output: graph.outputs.map(valueInfo),
    },
  };
  const problem = modelProto.verify(message);
  if (problem) throw new Error(`Invalid ONNX model message: ${problem}`);
  return modelProto.encode(modelProto.fromObject(message)).finish();
}
