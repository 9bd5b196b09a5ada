/**
 * dlib's ResNet face recogniser (dlib_face_recognition_resnet_model_v1) as an ONNX graph, built from
 * the weights face-api ships, layer for layer as face-api's FaceRecognitionNet computes it
 * (src/faceRecognitionNet/*.ts in @vladmandic/face-api 1.7.15):
 *
 *   conv 7x7/2 valid -> max pool 3x3/2 -> 3 x residual(32)
 *   -> residualDown(64)  + 3 x residual(64)
 *   -> residualDown(128) + 2 x residual(128)
 *   -> residualDown(256) + 2 x residual(256) -> residualDown(256)
 *   -> mean over height and width -> fully connected 256 -> 128 (no bias)
 *
 * Every conv layer is conv + bias, then a per-channel scale and offset (dlib's affine layer, which
 * replaced batch normalisation); both fold into one Conv. Spatial sizes for a 150x150 input:
 * 72 -> 35 -> 17 -> 8 -> 4 -> 2.
 */
import { OnnxGraphBuilder } from '../../src/face/onnx/graph-builder.js';
import { conv2dFilterToOnnx, foldChannelAffine } from '../weights/layout.js';
import { weight, type WeightMap } from '../weights/tfjs-weights.js';
import { addConv, addImageInput, BATCH_AXIS, outputSize, type Feature, type Padding } from './conv.js';

const EMBEDDER_OUTPUT = 'embedding';

export function buildDlibResnetGraph(weights: WeightMap): OnnxGraphBuilder {
  const graph = new OnnxGraphBuilder();
  const net = new ResnetBuilder(graph, weights);
  let x = addImageInput(graph, 'input', 150, 'RGB chip, NCHW, (pixel - mean) * scale; see models/manifest.json');
  x = net.convLayer('conv32_down', x, 32, 7, 2, 'valid', true);
  x = net.maxPool('pool', x);
  for (const block of ['conv32_1', 'conv32_2', 'conv32_3']) x = net.residual(block, x);
  x = net.residualDown('conv64_down', x, 64);
  for (const block of ['conv64_1', 'conv64_2', 'conv64_3']) x = net.residual(block, x);
  x = net.residualDown('conv128_down', x, 128);
  for (const block of ['conv128_1', 'conv128_2']) x = net.residual(block, x);
  x = net.residualDown('conv256_down', x, 256);
  for (const block of ['conv256_1', 'conv256_2']) x = net.residual(block, x);
  x = net.residualDown('conv256_down_out', x, 256);

  const pooled = graph.addNode('GlobalAveragePool', 'mean', [x.name]);
  const flat = graph.addNode('Flatten', 'flatten', [pooled], { axis: 1 });
  const fc = weight(weights, 'fc', [256, 128]);
  const fcWeight = graph.addFloatInitializer('fc.weight', [256, 128], fc.values);
  graph.addNode('MatMul', EMBEDDER_OUTPUT, [flat, fcWeight]);
  graph.addOutput(EMBEDDER_OUTPUT, [BATCH_AXIS, 128], '128-D face descriptor, not normalised (L2-normalise it)');
  return graph;
}

class ResnetBuilder {
  constructor(
    private readonly graph: OnnxGraphBuilder,
    private readonly weights: WeightMap,
  ) {}

  /** face-api's convLayer: conv (+ bias), scale layer, optional ReLU. */
  convLayer(
    prefix: string,
    x: Feature,
    channels: number,
    kernel: number,
    stride: number,
    padding: Padding,
    relu: boolean,
  ): Feature {
    const filter = conv2dFilterToOnnx(
      weight(this.weights, `${prefix}/conv/filters`, [kernel, kernel, x.channels, channels]),
    );
    const bias = weight(this.weights, `${prefix}/conv/bias`, [channels]).values;
    const scale = weight(this.weights, `${prefix}/scale/weights`, [channels]).values;
    const offset = weight(this.weights, `${prefix}/scale/biases`, [channels]).values;
    const folded = foldChannelAffine({ ...filter, bias }, scale, offset);
    const conv = addConv(this.graph, prefix, x.name, folded, { stride, padding, inputSize: x.size });
    const name = relu ? this.graph.addNode('Relu', `${prefix}/relu`, [conv]) : conv;
    return { name, channels, size: outputSize(x.size, kernel, stride, padding) };
  }

  maxPool(name: string, x: Feature): Feature {
    this.graph.addNode('MaxPool', name, [x.name], { kernel_shape: [3, 3], strides: [2, 2] });
    return { name, channels: x.channels, size: outputSize(x.size, 3, 2, 'valid') };
  }

  /** relu(conv2(relu(conv1(x))) + x) */
  residual(prefix: string, x: Feature): Feature {
    const c1 = this.convLayer(`${prefix}/conv1`, x, x.channels, 3, 1, 'same', true);
    const c2 = this.convLayer(`${prefix}/conv2`, c1, x.channels, 3, 1, 'same', false);
    return this.addRelu(prefix, c2, x.name);
  }

  /**
   * The down-sampling block: the main path starts with a 3x3 stride-2 'valid' conv; the shortcut is
   * a 2x2 stride-2 average pool of x, zero-padded with new channels when the width doubles. When
   * the two paths disagree in size (8 -> 3 vs 4, and 4 -> 1 vs 2), face-api appends a row and a
   * column of zeros to the main path (after its conv, bias and scale), at the bottom and right.
   */
  residualDown(prefix: string, x: Feature, channels: number): Feature {
    const c1 = this.convLayer(`${prefix}/conv1`, x, channels, 3, 2, 'valid', true);
    let c2 = this.convLayer(`${prefix}/conv2`, c1, channels, 3, 1, 'same', false);

    const poolName = this.graph.addNode('AveragePool', `${prefix}/shortcut`, [x.name], {
      kernel_shape: [2, 2],
      strides: [2, 2],
    });
    let shortcut: Feature = { name: poolName, channels: x.channels, size: outputSize(x.size, 2, 2, 'valid') };
    if (shortcut.channels !== channels) {
      shortcut = this.padEnd(`${prefix}/shortcut_pad`, shortcut, channels - shortcut.channels, 0);
    }
    if (c2.size !== shortcut.size) {
      if (shortcut.size - c2.size !== 1)
        throw new Error(`${prefix}: face-api pads by one row only, sizes are ${c2.size} and ${shortcut.size}`);
      c2 = this.padEnd(`${prefix}/conv2_pad`, c2, 0, 1);
    }
    return this.addRelu(prefix, c2, shortcut.name);
  }

  /** Zero padding after the last channel and/or after the last row and column (NCHW pads). */
  private padEnd(name: string, x: Feature, extraChannels: number, extraRowsAndColumns: number): Feature {
    const pads = this.graph.addInt64Initializer(
      `${name}.pads`,
      [8],
      [0, 0, 0, 0, 0, extraChannels, extraRowsAndColumns, extraRowsAndColumns],
    );
    this.graph.addNode('Pad', name, [x.name, pads]);
    return { name, channels: x.channels + extraChannels, size: x.size + extraRowsAndColumns };
  }

  private addRelu(prefix: string, mainPath: Feature, shortcut: string): Feature {
    const sum = this.graph.addNode('Add', `${prefix}/add`, [mainPath.name, shortcut]);
    const name = this.graph.addNode('Relu', `${prefix}/out`, [sum]);
    this.graph.addValueInfo(name, [BATCH_AXIS, mainPath.channels, mainPath.size, mainPath.size]);
    return { name, channels: mainPath.channels, size: mainPath.size };
  }
}
