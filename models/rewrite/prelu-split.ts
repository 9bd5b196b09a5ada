/**
 * A published ONNX graph with each PRelu(x, slope) written as operators onnxruntime runs fast, the
 * numbers unchanged, and every other byte of the file kept as published:
 *
 *   PRelu(x) = Relu(x) + s * Relu(-|slope| * x),   s = -1 where slope >= 0, +1 where it is negative,
 *
 * the two products by a channel's constant as depthwise 1x1 convolutions (Conv, group = channels).
 *
 * Why: onnxruntime 1.30's CPU PRelu broadcasts its per-channel slope element by element, and was
 * 60% of the faceplugin embedder's time here (6 of 10 ms a chip, by onnxruntime's own profile);
 * elementwise operators in its place still cost a layout change on each side, since the
 * convolutions run in a blocked layout (NCHWc) that Mul and Min do not. Convolutions and Relu do,
 * so the whole graph stays in it: about 4 ms a chip.
 *
 * Exact: where x > 0 the second term is Relu of a negative number, 0, and x + 0 = x. Where x <= 0,
 * Relu(x) is 0, |slope| * |x| is rounded once as PRelu's slope * x is, the signs are exact, and
 * 0 + v = v. Only a zero's sign may differ (PRelu gives -0 for x = -0, or for a zero slope and a
 * negative x; the sum gives +0), and no later convolution, addition, Relu or pooling can tell them
 * apart. The tests compare the two files' embeddings and scores on faces bit for bit, which is why
 * the embeddings keep the published file's identity (resolve-spec.ts).
 *
 * The file is edited field by field, not decoded and written again: only nodes and the slopes are
 * decoded, so whatever else the graph carries (fields our schema does not name included) stays.
 */
import protobuf from 'protobufjs';
import {
  AttributeType,
  DataType,
  NodeProtoType,
  TensorProtoType,
  type NodeProto,
  type TensorProto,
} from '../../src/face/onnx/schema.js';

/** onnx.proto's field numbers: ModelProto.graph, GraphProto.node and GraphProto.initializer. */
const MODEL_GRAPH = 7;
const GRAPH_NODE = 1;
const GRAPH_INITIALIZER = 5;
const LENGTH_DELIMITED = 2;

interface Field {
  number: number;
  /** The field's bytes in the message, tag included. */
  raw: Uint8Array;
  /** A length-delimited field's content. */
  payload?: Uint8Array;
}

export interface PReluSplit {
  bytes: Uint8Array;
  /** PRelu nodes rewritten. */
  rewritten: number;
}

export function splitPRelu(model: Uint8Array): PReluSplit {
  let rewritten = 0;
  const fields = fieldsOf(model).map((field) => {
    if (field.number !== MODEL_GRAPH) return field.raw;
    const graph = rewriteGraph(field.payload!);
    rewritten = graph.rewritten;
    return lengthDelimited(MODEL_GRAPH, graph.bytes);
  });
  if (rewritten === 0) throw new Error('the model has no PRelu node to rewrite');
  return { bytes: concat(fields), rewritten };
}

function rewriteGraph(graph: Uint8Array): PReluSplit {
  const fields = fieldsOf(graph);
  const nodes = fields.filter((f) => f.number === GRAPH_NODE).map((f) => decodeNode(f.payload!));
  const initializers = fields
    .filter((f) => f.number === GRAPH_INITIALIZER)
    .map((f) => TensorProtoType.decode(f.payload!) as unknown as TensorProto & { float_data?: number[] });
  const preluSlopes = new Set(nodes.filter((n) => n.op_type === 'PRelu').map((n) => n.input[1]!));
  const slopes = new Map(initializers.filter((t) => preluSlopes.has(t.name)).map((t) => [t.name, floatsOf(t)]));
  const taken = new Set([
    ...nodes.flatMap((n) => [n.name, ...n.input, ...n.output]),
    ...initializers.map((t) => t.name),
  ]);
  const claim = (name: string) => {
    if (taken.has(name)) throw new Error(`the name ${name} is already in the graph`);
    taken.add(name);
    return name;
  };
  const weights: TensorProto[] = [];
  let rewritten = 0;
  let next = 0;
  const out = fields.map((field) => {
    if (field.number !== GRAPH_NODE) return field.raw;
    const node = nodes[next++]!;
    if (node.op_type !== 'PRelu') return field.raw;
    rewritten++;
    const slope = slopes.get(node.input[1]!);
    if (!slope) throw new Error(`PRelu node ${node.name}: its slope ${node.input[1]} is not a float initializer`);
    const split = splitNode(node, slope, claim);
    weights.push(...split.weights);
    return concat(split.nodes.map((n) => lengthDelimited(GRAPH_NODE, NodeProtoType.encode(n).finish())));
  });
  for (const weight of weights) out.push(lengthDelimited(GRAPH_INITIALIZER, TensorProtoType.encode(weight).finish()));
  return { bytes: concat(out), rewritten };
}

/** The nodes in the PRelu's place (the last keeping its output name) and the weights they add. */
function splitNode(
  prelu: NodeProto,
  slope: Float32Array,
  claim: (name: string) => string,
): { nodes: NodeProto[]; weights: TensorProto[] } {
  const [x] = prelu.input;
  const [y] = prelu.output;
  if (!x || prelu.input.length !== 2 || !y || prelu.output.length !== 1)
    throw new Error(`PRelu node ${prelu.name} has ${prelu.input.length} inputs and ${prelu.output.length} outputs`);
  const channels = slope.length;
  const weight = (name: string, values: (v: number) => number): TensorProto => ({
    name: claim(name),
    dims: [channels, 1, 1, 1],
    data_type: DataType.FLOAT,
    raw_data: new Uint8Array(Float32Array.from(slope, values).buffer),
  });
  const scale = weight(`${y}/minus_abs_slope`, (v) => -Math.abs(v));
  const sign = weight(`${y}/sign`, (v) => (v >= 0 ? -1 : 1));
  const depthwise = [{ name: 'group', type: AttributeType.INT, i: channels }];
  const node = (op: string, input: string[], output: string, attribute: NodeProto['attribute'] = []): NodeProto => ({
    name: output === y ? prelu.name : output,
    op_type: op,
    input,
    output: [output],
    attribute,
  });
  const positive = claim(`${y}/relu`);
  const scaled = claim(`${y}/scaled`);
  const negative = claim(`${y}/negative`);
  const signed = claim(`${y}/signed`);
  return {
    nodes: [
      node('Relu', [x], positive),
      node('Conv', [x, scale.name], scaled, depthwise),
      node('Relu', [scaled], negative),
      node('Conv', [negative, sign.name], signed, depthwise),
      node('Add', [signed, positive], y),
    ],
    weights: [scale, sign],
  };
}

function floatsOf(tensor: TensorProto & { float_data?: number[] }): Float32Array {
  if (tensor.data_type !== DataType.FLOAT) throw new Error(`PRelu slope ${tensor.name} is not float32`);
  if (tensor.raw_data?.length) return new Float32Array(Uint8Array.from(tensor.raw_data).buffer);
  return Float32Array.from(tensor.float_data ?? []);
}

function decodeNode(bytes: Uint8Array): NodeProto {
  return NodeProtoType.toObject(NodeProtoType.decode(bytes), { defaults: true, longs: Number }) as NodeProto;
}

function fieldsOf(message: Uint8Array): Field[] {
  const reader = protobuf.Reader.create(message);
  const fields: Field[] = [];
  while (reader.pos < reader.len) {
    const start = reader.pos;
    const tag = reader.uint32();
    const wireType = tag & 7;
    let payload: Uint8Array | undefined;
    if (wireType === LENGTH_DELIMITED) payload = reader.bytes();
    else reader.skipType(wireType);
    fields.push({ number: tag >>> 3, raw: message.subarray(start, reader.pos), payload });
  }
  return fields;
}

function lengthDelimited(number: number, payload: Uint8Array): Uint8Array {
  return protobuf.Writer.create()
    .uint32((number << 3) | LENGTH_DELIMITED)
    .bytes(payload)
    .finish();
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
