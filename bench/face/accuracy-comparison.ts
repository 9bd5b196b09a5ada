/**
 * Both pipelines' 1:1 accuracy on the same LFW pairs: on all of them (a pipeline that finds no face
 * in an image loses that pair, as a deployed system would), and again on only the pairs in which
 * face-api found both faces, which sets its detector's misses apart from how well it recognises.
 */
import type { Metric } from '../../src/face/embed/spec.js';
import { distance } from '../../src/face/match/distance.js';
import type { ImagePair } from '../../src/eval/lfw-pairs.js';
import type { PairSubset } from './lfw-subset.js';
import { euclidean, pairAccuracy, type PairAccuracy } from './pair-accuracy.js';

type Embeddings = ReadonlyMap<string, Float32Array | null>;

export interface AccuracyComparison {
  pairs: number;
  genuine: number;
  impostor: number;
  images: number;
  folds: number;
  facegate: PairAccuracy;
  face_api: PairAccuracy | null;
  /** Both again, on the pairs whose two images face-api found a face in (null without face-api, or too few for the folds). */
  where_face_api_found_both: { pairs: number; facegate: PairAccuracy; face_api: PairAccuracy } | null;
}

export function compareAccuracy(
  subset: PairSubset,
  ours: Embeddings,
  metric: Metric,
  theirs: Embeddings | null,
  folds: number,
): AccuracyComparison {
  const score = (pairs: readonly ImagePair[]) => ({
    facegate: pairAccuracy(pairs, ours, (a, b) => distance(a, b, metric), folds),
    face_api: theirs ? pairAccuracy(pairs, theirs, euclidean, folds) : null,
  });
  const found = theirs ? subset.pairs.filter((p) => theirs.get(p.a) && theirs.get(p.b)) : [];
  // Every fold needs pairs of both kinds to be scored.
  const enough = (genuine: boolean) => found.filter((p) => p.genuine === genuine).length >= folds;
  const onFound = enough(true) && enough(false) ? score(found) : null;
  return {
    pairs: subset.pairs.length,
    genuine: subset.pairs.filter((p) => p.genuine).length,
    impostor: subset.pairs.filter((p) => !p.genuine).length,
    images: subset.images.length,
    folds,
    ...score(subset.pairs),
    where_face_api_found_both: onFound?.face_api
      ? { pairs: found.length, facegate: onFound.facegate, face_api: onFound.face_api }
      : null,
  };
}
