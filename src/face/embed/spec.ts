import type { LivenessBounds } from '../liveness/settings.js';
/**
 * What the engine must know to run a face embedder it did not build: the ONNX file, how to feed
 * it (size, layout, colour order, normalisation), how to align faces for it, and how to compare
 * its outputs. The shipped dlib ResNet is one such description; a user's FaceNet or ArcFace
 * export is another.
 */
import type { TemplateSpec } from '../align/templates.js';

export type Metric = 'euclidean' | 'cosine';

export interface EmbedderSpec {
  /** Recorded with every template, so templates of another model are never compared with this one's. */
  id: string;
  /** Absolute path of the ONNX file. */
  file: string;
  /** Expected sha256 of the file; the engine refuses a file that differs. */
  sha256?: string;
  inputName?: string;
  outputName?: string;
  /** Side of the square input chip, in pixels. */
  inputSize: number;
  layout: 'NCHW' | 'NHWC';
  colorOrder: 'RGB' | 'BGR';
  /** Per channel, in the model's colour order: input = (pixel - mean) * scale. */
  mean: readonly [number, number, number];
  scale: number | readonly [number, number, number];
  alignment: TemplateSpec;
  /** Distances between L2-normalised embeddings: euclidean in [0, 2], or cosine distance 1 - cos in [0, 2]. */
  metric: Metric;
  /** Embed the chip and its mirror image and add the two: slightly more robust, twice the compute. */
  mirrorFusion: boolean;
  /** The liveness check's identity bounds, measured for this embedder (liveness/settings.ts: else its metric's defaults). */
  liveness?: LivenessBounds;
}
