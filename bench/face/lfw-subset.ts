/**
 * A fixed slice of LFW's pairsDevTrain.txt for the side-by-side accuracy: its first `perKind`
 * same-person pairs and first `perKind` different-person pairs, always the same ones.
 */
import { readFileSync } from 'node:fs';
import { parseLfwPairs, type ImagePair } from '../../src/eval/lfw-pairs.js';

export interface PairSubset {
  pairs: ImagePair[];
  /** The distinct image files they involve. */
  images: string[];
}

export function lfwPairSubset(pairsFile: string, imagesDir: string, perKind: number): PairSubset {
  const all = parseLfwPairs(readFileSync(pairsFile, 'utf8'), imagesDir);
  const pairs = [...all.filter((p) => p.genuine).slice(0, perKind), ...all.filter((p) => !p.genuine).slice(0, perKind)];
  return { pairs, images: [...new Set(pairs.flatMap((p) => [p.a, p.b]))] };
}
