/**
 * Distances between L2-normalised embeddings, both derived from their dot product.
 */
import type { Metric } from '../embed/spec.js';

export function dot(a: Float32Array, b: Float32Array, bOffset = 0): number {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  const n = a.length - (a.length % 4);
  let i = 0;
  for (; i < n; i += 4) {
    s0 += a[i] * b[bOffset + i];
    s1 += a[i + 1] * b[bOffset + i + 1];
    s2 += a[i + 2] * b[bOffset + i + 2];
    s3 += a[i + 3] * b[bOffset + i + 3];
  }
  for (; i < a.length; i++) s0 += a[i] * b[bOffset + i];
  return s0 + s1 + s2 + s3;
}

export function distanceFromDot(d: number, metric: Metric): number {
  return metric === 'cosine' ? 1 - d : Math.sqrt(Math.max(0, 2 - 2 * d));
}

export function distance(a: Float32Array, b: Float32Array, metric: Metric): number {
  return distanceFromDot(dot(a, b), metric);
}
