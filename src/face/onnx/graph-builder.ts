/**
 * Builds an ONNX graph one node at a time and serialises it. It refuses a name used twice or an
 * input nobody produced, so a wrong wiring fails here, at build time, with the node named, rather
 * than as an opaque onnxruntime load error.
 */
import {
  AttributeType,
  DataType,
  encodeModel,
  type AttributeProto,
  type DataTypeCode,
  type DimensionProto,
  type NodeProto,
  type TensorProto,
  type ValueInfoProto,
} from './schema.js';

/** A dimension: a size, or a name for a dynamic axis (the batch). */
export type Dim = number | string;

/** Node attributes we use are all integers or integer lists (kernel_shape, strides, pads, group, axis). */
export type IntAttributes = Record<string, number | readonly number[]>;

export interface ModelInfo {
  graphName: string;
  producerName: string;
  producerVersion: string;
  opsetVersion: number;
  docString: string;
  /** Free-form provenance (source package, files), stored as ONNX metadata_props. */
  metadata: Record<string, string>;
}

/** onnx.proto's IR version 7 is the one that goes with opset 13. */
const IR_VERSION_FOR_OPSET_13 = 7;

export class OnnxGraphBuilder {
  private readonly nodes: NodeProto[] = [];
  private readonly initializers: TensorProto[] = [];
  private readonly inputs: ValueInfoProto[] = [];
  private readonly outputs: ValueInfoProto[] = [];
  private readonly valueInfos: ValueInfoProto[] = [];
  /** Every value name that exists so far: graph inputs, initializers, node outputs. */
  private readonly values = new Set<string>();

  addInput(name: string, shape: readonly Dim[], docString?: string, elemType: DataTypeCode = DataType.FLOAT): string {
    this.claim(name);
    this.inputs.push(valueInfo(name, shape, docString, elemType));
    return name;
  }

  /** Declares an existing value as a graph output. */
  addOutput(name: string, shape: readonly Dim[], docString?: string, elemType: DataTypeCode = DataType.FLOAT): void {
    this.require(name, 'graph output');
    this.outputs.push(valueInfo(name, shape, docString, elemType));
  }

  /** Records the shape of an intermediate value (a reader's aid in tools such as Netron). */
  addValueInfo(name: string, shape: readonly Dim[]): void {
    this.require(name, 'value_info');
    this.valueInfos.push(valueInfo(name, shape));
  }

  addFloatInitializer(name: string, dims: readonly number[], values: Float32Array): string {
    checkElementCount(name, dims, values.length);
    const bytes = new Uint8Array(values.length * 4);
    const view = new DataView(bytes.buffer);
    values.forEach((v, i) => view.setFloat32(i * 4, v, true));
    return this.addInitializer(name, dims, DataType.FLOAT, bytes);
  }

  addInt64Initializer(name: string, dims: readonly number[], values: readonly number[]): string {
    checkElementCount(name, dims, values.length);
    const bytes = new Uint8Array(values.length * 8);
    const view = new DataView(bytes.buffer);
    values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
    return this.addInitializer(name, dims, DataType.INT64, bytes);
  }

  /** One-byte elements (int8 or uint8), stored as they are. */
  addByteInitializer(
    name: string,
    dims: readonly number[],
    dataType: typeof DataType.INT8 | typeof DataType.UINT8,
    values: Int8Array | Uint8Array,
  ): string {
    checkElementCount(name, dims, values.length);
    return this.addInitializer(
      name,
      dims,
      dataType,
      new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
    );
  }

  /** Adds a node with one output, named after the node, and returns that output's name. */
  addNode(opType: string, name: string, inputs: readonly string[], attributes: IntAttributes = {}): string {
    inputs.forEach((input) => this.require(input, `input of node ${name}`));
    this.claim(name);
    this.nodes.push({
      name,
      op_type: opType,
      input: [...inputs],
      output: [name],
      attribute: Object.entries(attributes).map(([key, value]) => intAttribute(key, value)),
    });
    return name;
  }

  toBytes(info: ModelInfo): Uint8Array {
    if (this.outputs.length === 0) throw new Error(`ONNX graph ${info.graphName} has no output`);
    return encodeModel({
      ir_version: IR_VERSION_FOR_OPSET_13,
      opset_import: [{ domain: '', version: info.opsetVersion }],
      producer_name: info.producerName,
      producer_version: info.producerVersion,
      doc_string: info.docString,
      graph: {
        name: info.graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
        value_info: this.valueInfos,
      },
      metadata_props: Object.entries(info.metadata).map(([key, value]) => ({ key, value })),
    });
  }

  private addInitializer(name: string, dims: readonly number[], dataType: DataTypeCode, rawData: Uint8Array): string {
    this.claim(name);
    this.initializers.push({ name, dims: [...dims], data_type: dataType, raw_data: rawData });
    return name;
  }

  private claim(name: string): void {
    if (this.values.has(name)) throw new Error(`ONNX graph: the name ${name} is used twice`);
    this.values.add(name);
  }

  private require(name: string, role: string): void {
    if (!this.values.has(name)) throw new Error(`ONNX graph: ${role} ${name} does not exist yet`);
  }
}

function valueInfo(
  name: string,
  shape: readonly Dim[],
  docString?: string,
  elemType: DataTypeCode = DataType.FLOAT,
): ValueInfoProto {
  const dim: DimensionProto[] = shape.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d }));
  return {
    name,
    type: { tensor_type: { elem_type: elemType, shape: { dim } } },
    ...(docString ? { doc_string: docString } : {}),
  };
}

function intAttribute(name: string, value: number | readonly number[]): AttributeProto {
  return typeof value === 'number'
    ? { name, type: AttributeType.INT, i: value }
    : { name, type: AttributeType.INTS, ints: [...value] };
}

function checkElementCount(name: string, dims: readonly number[], count: number): void {
  const expected = dims.reduce((a, b) => a * b, 1);
  if (expected !== count)
    throw new Error(`ONNX initializer ${name}: dims ${dims.join('x')} need ${expected} values, got ${count}`);
}
