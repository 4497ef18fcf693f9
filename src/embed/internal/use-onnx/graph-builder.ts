import {
  type OnnxAttribute,
  OnnxAttr,
  type OnnxGraph,
  type OnnxNode,
  type OnnxTensor,
  OnnxType,
  type OnnxValueInfo,
} from "./onnx-proto.ts";

export type AttrValue = number | number[];

// Typed arrays are written as they sit in memory: ONNX raw_data is little-endian, as the host
// is (tfjs-weights.ts refuses a big-endian one).
const bytesOf = (a: Float32Array | BigInt64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Integer attributes become INT/INTS; fractional or float-named ones are the caller's to spell. */
function attribute(name: string, value: AttrValue): OnnxAttribute {
  return Array.isArray(value) ? { name, type: OnnxAttr.INTS, ints: value } : { name, type: OnnxAttr.INT, i: value };
}

/**
 * Collects nodes and initializers in order, naming every output after a readable prefix, so a
 * graph reads as a chain of calls: `const y = g.op("MatMul", [x, w])`.
 */
export class GraphBuilder {
  private readonly nodes: OnnxNode[] = [];
  private readonly initializers: OnnxTensor[] = [];
  private readonly used = new Set<string>();
  private prefix = "";

  /** Names what follows `scope(...)`, e.g. "layer0/attention/". */
  scope(prefix: string): void {
    this.prefix = prefix;
  }

  private fresh(base: string): string {
    let name = `${this.prefix}${base}`;
    for (let i = 1; this.used.has(name); i++) name = `${this.prefix}${base}_${i}`;
    this.used.add(name);
    return name;
  }

  floats(base: string, values: Float32Array | number[], dims: number[]): string {
    const data = values instanceof Float32Array ? values : Float32Array.from(values);
    const expected = dims.reduce((a, b) => a * b, 1);
    if (data.length !== expected) throw new Error(`${base}: ${data.length} values for dims [${dims}]`);
    const name = this.fresh(base);
    this.initializers.push({ name, dims, dataType: OnnxType.FLOAT, rawData: bytesOf(data) });
    return name;
  }

  int64s(base: string, values: number[], dims: number[] = [values.length]): string {
    const name = this.fresh(base);
    const data = BigInt64Array.from(values, (v) => BigInt(v));
    this.initializers.push({ name, dims, dataType: OnnxType.INT64, rawData: bytesOf(data) });
    return name;
  }

  /** Adds one node and returns its outputs' names (`outputs` of them). */
  opN(opType: string, inputs: string[], outputs: number, attrs: Record<string, AttrValue> = {}): string[] {
    const names = Array.from({ length: outputs }, (_, i) => this.fresh(outputs === 1 ? opType : `${opType}_out${i}`));
    this.nodes.push({
      name: this.fresh(`${opType}_node`),
      opType,
      inputs,
      outputs: names,
      attributes: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return names;
  }

  op(opType: string, inputs: string[], attrs: Record<string, AttrValue> = {}): string {
    return this.opN(opType, inputs, 1, attrs)[0]!;
  }

  /** Renames an existing value by an Identity node (graph outputs want fixed names). */
  output(value: string, name: string): void {
    this.used.add(name);
    this.nodes.push({ name: `${name}_identity`, opType: "Identity", inputs: [value], outputs: [name] });
  }

  build(name: string, inputs: OnnxValueInfo[], outputs: OnnxValueInfo[]): OnnxGraph {
    return { name, nodes: this.nodes, initializers: this.initializers, inputs, outputs };
  }
}
