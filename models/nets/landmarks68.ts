/**
 * face-api's FaceLandmark68Net (68 points, the iBUG 300-W layout dlib uses) as an ONNX graph, built
 * from the weights face-api ships, as face-api computes it (src/faceFeatureExtractor/denseBlock.ts,
 * FaceFeatureExtractor.ts, faceProcessor/FaceProcessor.ts in @vladmandic/face-api 1.7.15):
 *
 *   4 dense blocks (32, 64, 128, 256 channels), each halving the size: 112 -> 56 -> 28 -> 14 -> 7
 *   -> average pool 7x7/2 'valid' (7 -> 1) -> fully connected 256 -> 136 (with bias)
 *
 * A dense block: out1 = relu(conv0(x)) where conv0 is a plain 3x3/2 conv in the first block and a
 * depthwise-separable one in the others; then three separable 3x3/1 convs, each fed the ReLU of the
 * sum of all earlier outputs, and the block returns relu(out1 + out2 + out3 + out4).
 * The 136 outputs are x0, y0, x1, y1, ... relative to the 112x112 input (see models/manifest.json).
 */
import { OnnxGraphBuilder } from '../../src/face/onnx/graph-builder.js';
import { conv2dFilterToOnnx, depthwiseFilterToOnnx } from '../weights/layout.js';
import { weight, type WeightMap } from '../weights/tfjs-weights.js';
import { addConv, addImageInput, BATCH_AXIS, outputSize, type Feature } from './conv.js';

const LANDMARKS_OUTPUT = 'landmarks';
const POINTS = 68;

export function buildLandmarks68Graph(weights: WeightMap): OnnxGraphBuilder {
  const graph = new OnnxGraphBuilder();
  const net = new DenseNetBuilder(graph, weights);
  let x = addImageInput(
    graph,
    'input',
    112,
    'RGB face crop padded to a square, NCHW, (pixel - mean) * scale; see models/manifest.json',
  );
  x = net.denseBlock('dense0', x, 32, true);
  x = net.denseBlock('dense1', x, 64, false);
  x = net.denseBlock('dense2', x, 128, false);
  x = net.denseBlock('dense3', x, 256, false);
  if (x.size !== 7) throw new Error(`landmarks68: expected a 7x7 feature map, got ${x.size}`);

  const pooled = graph.addNode('AveragePool', 'pool', [x.name], { kernel_shape: [7, 7], strides: [2, 2] });
  const flat = graph.addNode('Flatten', 'flatten', [pooled], { axis: 1 });
  const fcWeight = graph.addFloatInitializer(
    'fc.weight',
    [256, 2 * POINTS],
    weight(weights, 'fc/weights', [256, 2 * POINTS]).values,
  );
  const fcBias = graph.addFloatInitializer('fc.bias', [2 * POINTS], weight(weights, 'fc/bias', [2 * POINTS]).values);
  graph.addNode('Gemm', LANDMARKS_OUTPUT, [flat, fcWeight, fcBias]);
  graph.addOutput(
    LANDMARKS_OUTPUT,
    [BATCH_AXIS, 2 * POINTS],
    'x0, y0, ..., x67, y67 as fractions of the 112x112 input',
  );
  return graph;
}

class DenseNetBuilder {
  constructor(
    private readonly graph: OnnxGraphBuilder,
    private readonly weights: WeightMap,
  ) {}

  denseBlock(prefix: string, x: Feature, channels: number, isFirst: boolean): Feature {
    const conv0 = isFirst
      ? this.plainConv(`${prefix}/conv0`, x, channels)
      : this.separableConv(`${prefix}/conv0`, x, channels, 2);
    const out1: Feature = { ...conv0, name: this.relu(`${prefix}/conv0/relu`, conv0.name) };
    const out2 = this.separableConv(`${prefix}/conv1`, out1, channels, 1);
    // face-api sums as out1 + (out2 + (out3 + out4)); the same order keeps float rounding alike.
    const in3 = this.relu(`${prefix}/in3`, this.add(`${prefix}/sum12`, out1.name, out2.name));
    const out3 = this.separableConv(`${prefix}/conv2`, { ...out1, name: in3 }, channels, 1);
    const sum23 = this.add(`${prefix}/sum23`, out2.name, out3.name);
    const in4 = this.relu(`${prefix}/in4`, this.add(`${prefix}/sum123`, out1.name, sum23));
    const out4 = this.separableConv(`${prefix}/conv3`, { ...out1, name: in4 }, channels, 1);
    const sum34 = this.add(`${prefix}/sum34`, out3.name, out4.name);
    const sum234 = this.add(`${prefix}/sum234`, out2.name, sum34);
    const name = this.relu(`${prefix}/out`, this.add(`${prefix}/sum1234`, out1.name, sum234));
    this.graph.addValueInfo(name, [BATCH_AXIS, channels, out1.size, out1.size]);
    return { name, channels, size: out1.size };
  }

  /** The first block's conv0: a plain 3x3 stride-2 'same' conv with bias. */
  private plainConv(prefix: string, x: Feature, channels: number): Feature {
    const filter = conv2dFilterToOnnx(weight(this.weights, `${prefix}/filters`, [3, 3, x.channels, channels]));
    const bias = weight(this.weights, `${prefix}/bias`, [channels]).values;
    const name = addConv(
      this.graph,
      prefix,
      x.name,
      { ...filter, bias },
      { stride: 2, padding: 'same', inputSize: x.size },
    );
    return { name, channels, size: outputSize(x.size, 3, 2, 'same') };
  }

  /** tfjs separableConv2d: a depthwise 3x3 conv (stride, 'same', no bias), a pointwise 1x1 conv, then the bias. */
  private separableConv(prefix: string, x: Feature, channels: number, stride: number): Feature {
    const depthwise = depthwiseFilterToOnnx(weight(this.weights, `${prefix}/depthwise_filter`, [3, 3, x.channels, 1]));
    const pointwise = conv2dFilterToOnnx(
      weight(this.weights, `${prefix}/pointwise_filter`, [1, 1, x.channels, channels]),
    );
    const bias = weight(this.weights, `${prefix}/bias`, [channels]).values;
    const dw = addConv(this.graph, `${prefix}/depthwise`, x.name, depthwise, {
      stride,
      padding: 'same',
      inputSize: x.size,
      group: x.channels,
    });
    const size = outputSize(x.size, 3, stride, 'same');
    const name = addConv(
      this.graph,
      `${prefix}/pointwise`,
      dw,
      { ...pointwise, bias },
      { stride: 1, padding: 'valid', inputSize: size },
    );
    return { name, channels, size };
  }

  private relu(name: string, input: string): string {
    return this.graph.addNode('Relu', name, [input]);
  }

  private add(name: string, a: string, b: string): string {
    return this.graph.addNode('Add', name, [a, b]);
  }
}
