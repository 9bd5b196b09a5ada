import { expect } from 'chai';
import * as ort from 'onnxruntime-node';
import { OnnxGraphBuilder } from '../src/face/onnx/graph-builder.js';
import { ModelProtoType } from '../src/face/onnx/schema.js';
import { sha256 } from '../src/face/model-files/file-digest.js';

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
