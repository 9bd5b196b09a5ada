/**
 * Convolution nodes as tfjs computes them, and the feature maps they pass along, for the ONNX
 * builders of face-api's networks.
 */
import type { OnnxGraphBuilder } from '../../src/face/onnx/graph-builder.js';
import type { OnnxConvWeights } from '../weights/layout.js';

export type Padding = 'same' | 'valid';

/** The name of the dynamic batch axis of every graph we build. */
export const BATCH_AXIS = 'N';

/** A feature map flowing through a graph: its value name, channels, and spatial size (height = width). */
export interface Feature {
  name: string;
  channels: number;
  size: number;
}

export interface ConvOptions {
  stride: number;
  padding: Padding;
  /** Spatial size (height = width) of the input, needed to place tfjs 'same' padding. */
  inputSize: number;
  /** Channels per group; 1 for a plain convolution, the channel count for a depthwise one. */
  group?: number;
}

/** A depthwise filter has no bias of its own in face-api (the pointwise step adds it). */
export type ConvWeights = Omit<OnnxConvWeights, 'bias'> & { bias?: Float32Array };

/** Adds the graph's image input (NCHW, 3 channels, dynamic batch) and returns it as a feature map. */
export function addImageInput(graph: OnnxGraphBuilder, name: string, size: number, docString: string): Feature {
  graph.addInput(name, [BATCH_AXIS, 3, size, size], docString);
  return { name, channels: 3, size };
}

/** Adds a Conv node (weights and bias as initializers named after the node); returns its output. */
export function addConv(
  graph: OnnxGraphBuilder,
  name: string,
  input: string,
  conv: ConvWeights,
  options: ConvOptions,
): string {
  const [, , kernel] = conv.dims;
  const [before, after] = options.padding === 'same' ? samePadding(options.inputSize, kernel, options.stride) : [0, 0];
  const w = graph.addFloatInitializer(`${name}.weight`, conv.dims, conv.weights);
  const inputs = conv.bias
    ? [input, w, graph.addFloatInitializer(`${name}.bias`, [conv.bias.length], conv.bias)]
    : [input, w];
  return graph.addNode('Conv', name, inputs, {
    kernel_shape: [kernel, kernel],
    strides: [options.stride, options.stride],
    pads: [before, before, after, after],
    group: options.group ?? 1,
  });
}

/**
 * TensorFlow's 'same' padding: the output has ceil(in / stride) positions and, when the total
 * padding is odd, the extra row and column go at the end (bottom, right). ONNX's explicit pads
 * [top, left, bottom, right] then match exactly.
 */
export function samePadding(inputSize: number, kernel: number, stride: number): [number, number] {
  const outputSize = Math.ceil(inputSize / stride);
  const total = Math.max((outputSize - 1) * stride + kernel - inputSize, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** Output size of a convolution or pooling window under tfjs padding rules. */
export function outputSize(inputSize: number, kernel: number, stride: number, padding: Padding): number {
  return padding === 'same' ? Math.ceil(inputSize / stride) : Math.floor((inputSize - kernel) / stride) + 1;
}
