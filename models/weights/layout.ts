/**
 * Turns tfjs-layout filters into ONNX layout, and folds a per-channel affine into a convolution.
 * tfjs (NHWC) keeps conv2d filters as [height, width, in, out] and depthwise filters as
 * [height, width, channels, multiplier]; ONNX Conv (NCHW) wants [out, in / group, height, width].
 */
import type { WeightTensor } from './tfjs-weights.js';

/** A convolution's weights in ONNX layout, with its bias. */
export interface OnnxConvWeights {
  /** [out, in / group, height, width] */
  dims: [number, number, number, number];
  weights: Float32Array;
  bias: Float32Array;
}

/** [h, w, in, out] -> [out, in, h, w] */
export function conv2dFilterToOnnx(filter: WeightTensor): { dims: OnnxConvWeights['dims']; weights: Float32Array } {
  const [cout, cin, h, w] = permutedShape(filter, CONV2D_TO_ONNX);
  return { dims: [cout, cin, h, w], weights: transpose4(filter, CONV2D_TO_ONNX) };
}

/** [h, w, channels, multiplier] -> [channels * multiplier, 1, h, w], for Conv with group = channels. */
export function depthwiseFilterToOnnx(filter: WeightTensor): { dims: OnnxConvWeights['dims']; weights: Float32Array } {
  const [channels, multiplier, h, w] = permutedShape(filter, DEPTHWISE_TO_ONNX);
  return { dims: [channels * multiplier, 1, h, w], weights: transpose4(filter, DEPTHWISE_TO_ONNX) };
}

/** Output axis k takes input axis perm[k]. */
type Permutation = readonly [number, number, number, number];
const CONV2D_TO_ONNX: Permutation = [3, 2, 0, 1];
const DEPTHWISE_TO_ONNX: Permutation = [2, 3, 0, 1];

function permutedShape(t: WeightTensor, perm: Permutation): [number, number, number, number] {
  const shape = shape4(t);
  return [shape[perm[0]], shape[perm[1]], shape[perm[2]], shape[perm[3]]];
}

function transpose4(t: WeightTensor, perm: Permutation): Float32Array {
  const shape = shape4(t);
  const [d0, d1, d2, d3] = permutedShape(t, perm);
  // Row-major strides of the source, read in the order of the destination's axes.
  const srcStrides = [shape[1] * shape[2] * shape[3], shape[2] * shape[3], shape[3], 1];
  const [s0, s1, s2, s3] = perm.map((axis) => srcStrides[axis]) as [number, number, number, number];
  const out = new Float32Array(t.values.length);
  let k = 0;
  for (let a = 0; a < d0; a++) {
    for (let b = 0; b < d1; b++) {
      for (let c = 0; c < d2; c++) {
        for (let d = 0; d < d3; d++) out[k++] = t.values[a * s0 + b * s1 + c * s2 + d * s3];
      }
    }
  }
  return out;
}

/**
 * face-api's dlib layers compute ((conv(x, W) + b) * scale + offset) per output channel; that is one
 * convolution with W' = W * scale and b' = b * scale + offset. Products are taken in double precision
 * and rounded once to float32.
 */
export function foldChannelAffine(conv: OnnxConvWeights, scale: Float32Array, offset: Float32Array): OnnxConvWeights {
  const [cout] = conv.dims;
  if (scale.length !== cout || offset.length !== cout || conv.bias.length !== cout) {
    throw new Error(`channel affine of ${scale.length} channels does not fit a convolution of ${cout} outputs`);
  }
  const perOutput = conv.weights.length / cout;
  const weights = conv.weights.map((v, i) => v * scale[Math.floor(i / perOutput)]);
  const bias = conv.bias.map((b, o) => b * scale[o] + offset[o]);
  return { dims: conv.dims, weights, bias };
}

function shape4(t: WeightTensor): [number, number, number, number] {
  if (t.shape.length !== 4) throw new Error(`expected a 4-D filter, got shape [${t.shape}]`);
  return t.shape as [number, number, number, number];
}
