/**
 * Every pair of a set of labelled embeddings: same-identity distances and cross-identity distances,
 * each sorted ascending. n images give n(n-1)/2 comparisons (3,443 LFW images: 5.9 million).
 */
import type { Metric } from '../face/embed/spec.js';
import { distanceFromDot, dot } from '../face/match/distance.js';

export interface Labelled {
  identity: string;
  embedding: Float32Array;
}

export function allPairDistances(
  items: readonly Labelled[],
  metric: Metric,
): { genuine: Float64Array; impostor: Float64Array } {
  const n = items.length;
  const dims = n > 0 ? items[0].embedding.length : 0;
  const matrix = new Float32Array(n * dims);
  items.forEach((item, i) => matrix.set(item.embedding, i * dims));
  const ids = items.map((i) => i.identity);
  let genuineCount = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (ids[i] === ids[j]) genuineCount++;
  const genuine = new Float64Array(genuineCount);
  const impostor = new Float64Array((n * (n - 1)) / 2 - genuineCount);
  let g = 0,
    m = 0;
  for (let i = 0; i < n; i++) {
    const a = items[i].embedding;
    for (let j = i + 1; j < n; j++) {
      const d = distanceFromDot(dot(a, matrix, j * dims), metric);
      if (ids[i] === ids[j]) genuine[g++] = d;
      else impostor[m++] = d;
    }
  }
  return { genuine: genuine.sort(), impostor: impostor.sort() };
}
