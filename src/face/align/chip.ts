/**
 * The aligned face chip: the similarity transform that best puts a face's points on the template,
 * applied with supersampled bilinear sampling.
 */
import type { RgbImage } from '../image.js';
import { fitSimilarity, similarityScale, type Similarity } from '../geometry/similarity.js';
import { warpRgb } from '../geometry/warp.js';
import type { AlignmentTemplate, FacePoints } from './templates.js';

export interface Chip {
  size: number;
  /** Interleaved RGB floats in [0, 255]. */
  rgb: Float32Array;
  /** Chip pixel -> image pixel. */
  toImage: Similarity;
  /** Image pixels per chip pixel. */
  scale: number;
}

/** Extract the chip, with the first template that the face's points can serve. */
export function extractChip(image: RgbImage, face: FacePoints, templates: readonly AlignmentTemplate[]): Chip {
  for (const template of templates) {
    const points = template.pick(face);
    if (!points) continue;
    const toImage = fitSimilarity(template.targets, points);
    return {
      size: template.size,
      rgb: warpRgb(image, toImage, template.size, template.size),
      toImage,
      scale: similarityScale(toImage),
    };
  }
  throw new Error('no alignment template fits the points found on this face');
}
