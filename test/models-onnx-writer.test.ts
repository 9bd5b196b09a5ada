import { expect } from 'chai';
import * as ort from 'onnxruntime-node';
import { OnnxGraphBuilder } from '../src/face/onnx/graph-builder.js';
import { ModelProtoType } from '../src/face/onnx/schema.js';
import { sha256 } from '../src/face/model-files/file-digest.js';
import { splitPRelu } from '../models/rewrite/prelu-split.js';

const INFO = {
  graphName: 'tiny',
  producerName: 'test',
  producerVersion: '1',
  opsetVersion: 13,
  docString: 'a tiny graph',
  metadata: { purpose: 'test' },
};

/** y = relu(x + bias), then two zero columns appended: an initializer, an int64 initializer, three ops. */
function tinyGraph(): OnnxGraphBuilder {
  const graph = new OnnxGraphBuilder();
  const x = graph.addInput('x', ['N', 3]);
  const bias = graph.addFloatInitializer('bias', [3], new Float32Array([1, -2, 0.5]));
  const sum = graph.addNode('Add', 'sum', [x, bias]);
  const relu = graph.addNode('Relu', 'relu', [sum]);
  const pads = graph.addInt64Initializer('pads', [4], [0, 0, 0, 2]);
  graph.addValueInfo(relu, ['N', 3]);
  graph.addOutput(graph.addNode('Pad', 'y', [relu, pads]), ['N', 5]);
  return graph;
}

describe('models: ONNX writer', () => {
  it('writes a model onnxruntime runs, with a dynamic batch', async () => {
    const session = await ort.InferenceSession.create(tinyGraph().toBytes(INFO), { logSeverityLevel: 3 });
    const x = new ort.Tensor('float32', new Float32Array([1, 1, 1, -5, 5, -5]), [2, 3]);
    const { y } = await session.run({ x });
    expect(y!.dims).to.deep.equal([2, 5]);
    expect(Array.from(y!.data as Float32Array)).to.deep.equal([2, 0, 1.5, 0, 0, 0, 3, 0, 0, 0]);
  });

  it('writes the same bytes for the same graph', () => {
    expect(sha256(tinyGraph().toBytes(INFO))).to.equal(sha256(tinyGraph().toBytes(INFO)));
  });

  it('round-trips through the onnx.proto subset', () => {
    const decoded = ModelProtoType.toObject(ModelProtoType.decode(tinyGraph().toBytes(INFO)), { longs: Number }) as {
      ir_version: number;
      opset_import: { version: number }[];
      graph: { node: { op_type: string }[]; input: { type: { tensor_type: { shape: { dim: object[] } } } }[] };
      metadata_props: { key: string; value: string }[];
    };
    expect(decoded.ir_version).to.equal(7);
    expect(decoded.opset_import[0].version).to.equal(13);
    expect(decoded.graph.node.map((n) => n.op_type)).to.deep.equal(['Add', 'Relu', 'Pad']);
    expect(decoded.graph.input[0].type.tensor_type.shape.dim).to.deep.equal([{ dim_param: 'N' }, { dim_value: 3 }]);
    expect(decoded.metadata_props).to.deep.equal([{ key: 'purpose', value: 'test' }]);
  });

  it('refuses a name used twice, an input nobody produced, and initializer data of the wrong size', () => {
    const graph = new OnnxGraphBuilder();
    const x = graph.addInput('x', [1]);
    expect(() => graph.addNode('Relu', 'x', [x])).to.throw(/the name x is used twice/);
    expect(() => graph.addNode('Relu', 'y', ['nowhere'])).to.throw(/input of node y nowhere does not exist/);
    expect(() => graph.addFloatInitializer('w', [2, 2], new Float32Array(3))).to.throw(/need 4 values, got 3/);
  });
});

describe('models: PRelu split (models/rewrite/prelu-split.ts)', () => {
  /** x -> PRelu with slopes of every sign and size -> y, on 4 channels, with metadata to keep. */
  function preluGraph(slopes: number[]): Uint8Array {
    const graph = new OnnxGraphBuilder();
    const x = graph.addInput('x', [1, slopes.length, 5, 5]);
    const slope = graph.addFloatInitializer('slope', [slopes.length, 1, 1], new Float32Array(slopes));
    graph.addOutput(graph.addNode('PRelu', 'y', [x, slope]), [1, slopes.length, 5, 5]);
    return graph.toBytes(INFO);
  }

  it('gives the PRelu graph its numbers bit for bit, and keeps the rest of the file', async () => {
    const slopes = [0.25, -1.354, 1.2316, 0];
    const published = preluGraph(slopes);
    const { bytes, rewritten } = splitPRelu(published);
    expect(rewritten).to.equal(1);
    const data = new Float32Array(slopes.length * 25).map((_, i) => Math.sin(i * 12.9898) * 437.5);
    data[3] = 0;
    data[4] = -0;
    const x = new ort.Tensor('float32', data, [1, slopes.length, 5, 5]);
    const run = async (model: Uint8Array) =>
      (await (await ort.InferenceSession.create(model, { logSeverityLevel: 3 })).run({ x })).y!.data as Float32Array;
    const [ours, theirs] = [await run(bytes), await run(published)];
    // Equal as numbers; only a zero's sign may differ (-0 from PRelu, +0 from the sum), which no
    // later convolution, addition, Relu or pooling can tell apart.
    expect(Array.from(ours, (v, i) => v === theirs[i]!)).to.not.include(false);
    expect(Array.from(ours, (v, i) => Object.is(v, theirs[i]!) || v === 0)).to.not.include(false);
    const decoded = ModelProtoType.toObject(ModelProtoType.decode(bytes), { longs: Number }) as {
      graph: { node: { op_type: string }[] };
      metadata_props: object[];
      doc_string: string;
    };
    expect(decoded.graph.node.map((n) => n.op_type)).to.deep.equal(['Relu', 'Conv', 'Relu', 'Conv', 'Add']);
    expect(decoded.metadata_props).to.deep.equal([{ key: 'purpose', value: 'test' }]);
    expect(decoded.doc_string).to.equal('a tiny graph');
  });

  it('refuses a graph without PRelu, and a graph whose names the split would take', () => {
    expect(() => splitPRelu(tinyGraph().toBytes(INFO))).to.throw(/no PRelu node/);
    const graph = new OnnxGraphBuilder();
    const x = graph.addInput('x', [1, 1, 2, 2]);
    const taken = graph.addNode('Relu', 'y/relu', [x]);
    const slope = graph.addFloatInitializer('slope', [1, 1, 1], new Float32Array([0.5]));
    graph.addOutput(graph.addNode('PRelu', 'y', [taken, slope]), [1, 1, 2, 2]);
    expect(() => splitPRelu(graph.toBytes(INFO))).to.throw(/the name y\/relu is already in the graph/);
  });
});
