/**
 * A published ONNX graph with each PRelu(x, slope) written as Relu(x) + Min(x, 0) x slope, and
 * every other byte of the file kept as published.
 *
 * Why: onnxruntime 1.30's CPU PRelu broadcasts its per-channel slope element by element, and was
 * 60% of the faceplugin embedder's time here (6 of 10 ms a chip, by onnxruntime's own profile).
 * The four plain operators run in half the time. The numbers do not change: for x > 0 the sum is
 * x + 0 = x, and for x <= 0 it is 0 + x * slope, the one rounding PRelu makes too. The tests
 * compare both files' outputs bit for bit, which is why the embeddings keep the published file's
 * identity (resolve-spec.ts).
 *
 * The file is edited field by field, not decoded and written again: only the PRelu nodes are
 * decoded, so whatever else the graph carries (fields our schema does not name included) stays.
 */
import protobuf from 'protobufjs';
import { DataType, NodeProtoType, TensorProtoType, type NodeProto } from '../../src/face/onnx/schema.js';

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
  const taken = new Set(nodes.flatMap((n) => [n.name, ...n.input, ...n.output]));
  const claim = (name: string) => {
    if (taken.has(name)) throw new Error(`the name ${name} is already in the graph`);
    taken.add(name);
    return name;
  };
  const zero = claim('prelu_split/zero');
  let rewritten = 0;
  let next = 0;
  const out = fields.map((field) => {
    if (field.number !== GRAPH_NODE) return field.raw;
    const node = nodes[next++]!;
    if (node.op_type !== 'PRelu') return field.raw;
    rewritten++;
    return concat(
      splitNode(node, zero, claim).map((n) => lengthDelimited(GRAPH_NODE, NodeProtoType.encode(n).finish())),
    );
  });
  if (rewritten > 0) {
    const zeroTensor = { name: zero, dims: [], data_type: DataType.FLOAT, raw_data: new Uint8Array(4) };
    out.push(lengthDelimited(GRAPH_INITIALIZER, TensorProtoType.encode(zeroTensor).finish()));
  }
  return { bytes: concat(out), rewritten };
}

/** PRelu(x, slope) -> Add(Relu(x), Mul(Min(x, 0), slope)), the sum keeping the PRelu's output name. */
function splitNode(prelu: NodeProto, zero: string, claim: (name: string) => string): NodeProto[] {
  const [x, slope] = prelu.input;
  const [y] = prelu.output;
  if (!x || !slope || !y || prelu.output.length !== 1)
    throw new Error(`PRelu node ${prelu.name} has ${prelu.input.length} inputs and ${prelu.output.length} outputs`);
  const node = (op: string, input: string[], output: string): NodeProto => ({
    name: output === y ? prelu.name : output,
    op_type: op,
    input,
    output: [output],
    attribute: [],
  });
  const positive = claim(`${y}/relu`);
  const negative = claim(`${y}/min`);
  const scaled = claim(`${y}/scaled`);
  return [
    node('Relu', [x], positive),
    node('Min', [x, zero], negative),
    node('Mul', [negative, slope], scaled),
    node('Add', [positive, scaled], y),
  ];
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
