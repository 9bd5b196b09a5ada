/**
 * 1:1 accuracy on LFW-format pairs for any embedding and distance, scored as `facegate eval`
 * scores ours: 10 folds, each at the threshold best on the other nine, an image without a face
 * making its pairs' distance Infinity (never accepted).
 */
import { foldedDistances } from '../../src/eval/evaluate-pairs.js';
import type { ImagePair } from '../../src/eval/lfw-pairs.js';
import { foldAccuracy } from '../../src/eval/verification-metrics.js';

export interface PairAccuracy {
  accuracy: number;
  accuracy_std: number;
  /** The mean of the ten folds' thresholds. */
  threshold: number;
  /** Pairs with an image in which no face was found. */
  no_face: number;
}

export function pairAccuracy(
  pairs: readonly ImagePair[],
  embeddings: ReadonlyMap<string, Float32Array | null>,
  distance: (a: Float32Array, b: Float32Array) => number,
  folds = 10,
): PairAccuracy {
  const { folded, noFace } = foldedDistances(pairs, embeddings, distance, folds);
  const { mean, std, thresholds } = foldAccuracy(folded, folds);
  return {
    accuracy: mean,
    accuracy_std: std,
    threshold: thresholds.reduce((s, t) => s + t, 0) / folds,
    no_face: noFace,
  };
}

/** Plain Euclidean distance, on descriptors as they come (face-api's euclideanDistance). */
export function euclidean(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}
