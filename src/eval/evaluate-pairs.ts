/**
 * The figures `facegate eval` reports, from embeddings of the images in a pairs list:
 * 10-fold accuracy on the pairs (the threshold chosen on the other folds), EER, TAR at fixed FAR on
 * the pairs, and TAR at fixed FAR against every cross-identity pair of the images involved (millions
 * of impostor comparisons, so rates down to 1e-5 and beyond are measured rather than guessed).
 */
import type { Metric } from '../face/embed/spec.js';
import { distance } from '../face/match/distance.js';
import { lfwIdentity, type ImagePair } from './lfw-pairs.js';
import { allPairDistances } from './all-pairs.js';
import { equalErrorRate, foldAccuracy, sorted, tarAtFar, type FoldedPair } from './verification-metrics.js';

export const ALL_PAIRS_FARS = ['1e-2', '1e-3', '1e-4', '1e-5'] as const;
export const PAIRS_FARS = ['1e-2', '1e-3'] as const;

export interface EvalReport {
  pairs: number;
  no_face: number;
  accuracy: number;
  accuracy_std: number;
  eer: number;
  /** TAR against all cross-identity pairs of the images (null where there are too few impostors). */
  tar_at_far: Record<(typeof ALL_PAIRS_FARS)[number], number | null>;
  /** TAR on the listed pairs only. */
  pairs_tar_at_far: Record<(typeof PAIRS_FARS)[number], number | null>;
  'threshold_far_1e-4': number | null;
  /** The mean of the per-fold thresholds: the best 1:1 accuracy threshold on these pairs. */
  accuracy_threshold: number;
  all_pairs: { images: number; genuine: number; impostor: number };
  metric: Metric;
}

export interface PairDistances {
  genuine: Float64Array;
  impostor: Float64Array;
}

export function evaluatePairs(
  pairs: readonly ImagePair[],
  embeddings: ReadonlyMap<string, Float32Array | null>,
  metric: Metric,
  folds: number,
  /** The images compared all against all: by default those of the pairs. */
  allImages: readonly string[] = [...new Set(pairs.flatMap((p) => [p.a, p.b]))],
): { report: EvalReport; allPairs: PairDistances } {
  const { folded, noFace } = foldedDistances(pairs, embeddings, (a, b) => distance(a, b, metric), folds);
  const accuracy = foldAccuracy(folded, folds);
  const genuine = sorted(folded.filter((p) => p.genuine).map((p) => p.distance));
  const impostor = sorted(folded.filter((p) => !p.genuine).map((p) => p.distance));

  const images = allImages.filter((path) => embeddings.get(path));
  const allPairs = allPairDistances(
    images.map((path) => ({ identity: lfwIdentity(path), embedding: embeddings.get(path)! })),
    metric,
  );
  const rate = (far: string, g: Float64Array, i: Float64Array) => tarAtFar(g, i, Number(far))?.tar ?? null;
  return {
    report: {
      pairs: pairs.length,
      no_face: noFace,
      accuracy: accuracy.mean,
      accuracy_std: accuracy.std,
      eer: equalErrorRate(genuine, impostor),
      tar_at_far: Object.fromEntries(
        ALL_PAIRS_FARS.map((f) => [f, rate(f, allPairs.genuine, allPairs.impostor)]),
      ) as EvalReport['tar_at_far'],
      pairs_tar_at_far: Object.fromEntries(
        PAIRS_FARS.map((f) => [f, rate(f, genuine, impostor)]),
      ) as EvalReport['pairs_tar_at_far'],
      'threshold_far_1e-4': tarAtFar(allPairs.genuine, allPairs.impostor, 1e-4)?.threshold ?? null,
      accuracy_threshold: accuracy.thresholds.reduce((s, t) => s + t, 0) / accuracy.thresholds.length,
      all_pairs: { images: images.length, genuine: allPairs.genuine.length, impostor: allPairs.impostor.length },
      metric,
    },
    allPairs,
  };
}

/**
 * Each pair's distance and fold; a pair with an image in which no face was found gets Infinity
 * (never accepted) and is counted.
 */
export function foldedDistances(
  pairs: readonly ImagePair[],
  embeddings: ReadonlyMap<string, Float32Array | null>,
  distanceOf: (a: Float32Array, b: Float32Array) => number,
  folds: number,
): { folded: FoldedPair[]; noFace: number } {
  let noFace = 0;
  const folded = foldsOf(pairs, folds).map(({ pair, fold }) => {
    const a = embeddings.get(pair.a);
    const b = embeddings.get(pair.b);
    if (!a || !b) noFace++;
    return { fold, genuine: pair.genuine, distance: a && b ? distanceOf(a, b) : Infinity };
  });
  return { folded, noFace };
}

/**
 * LFW lists all same-person pairs, then all different-person pairs; fold k takes the k-th tenth of each,
 * so every fold is balanced the way the list is.
 */
export function foldsOf(pairs: readonly ImagePair[], folds: number): { pair: ImagePair; fold: number }[] {
  const genuine = pairs.filter((p) => p.genuine);
  const impostor = pairs.filter((p) => !p.genuine);
  const assign = (list: ImagePair[]) =>
    list.map((pair, i) => ({ pair, fold: Math.min(folds - 1, Math.floor((i * folds) / list.length)) }));
  return [...assign(genuine), ...assign(impostor)];
}
