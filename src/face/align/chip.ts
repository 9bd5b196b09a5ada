/**
 * The aligned face chip: the similarity transform that best puts a face's points on the template,
 * applied with supersampled bilinear sampling.
 */
import type { RgbImage } from '../image.js';
import { fitSimilarity } from '../geometry/similarity.js';
import { warpRgb } from '../geometry/warp.js';
import type { AlignmentTemplate, FacePoints } from './templates.js';

export interface Chip {
  size: number;
  /** Interleaved RGB floats in [0, 255]. */
  rgb: Float32Array;
}

/**
 * Extract the chip, with the first template that the face's points can serve; `into`: where to
 * write it, for a chip read before the next is made (see WarpOptions.into).
 */
export function extractChip(
  image: RgbImage,
  face: FacePoints,
  templates: readonly AlignmentTemplate[],
  into?: Float32Array,
): Chip {
  for (const template of templates) {
    const points = template.pick(face);
    if (!points) continue;
    const toImage = fitSimilarity(template.targets, points);
    return {
      size: template.size,
      rgb: warpRgb(image, toImage, template.size, template.size, { maxSupersample: template.supersample, into }),
    };
  }
  throw new Error('no alignment template fits the points found on this face');
}

export const THUMBNAIL = 16;

/** The chip's luma averaged down to THUMBNAIL x THUMBNAIL: enough to tell two frames apart, nothing to recognise anyone by. */
export function lumaThumbnail(chip: Chip): Uint8Array {
  const out = new Uint8Array(THUMBNAIL * THUMBNAIL);
  const block = chip.size / THUMBNAIL;
  for (let ty = 0; ty < THUMBNAIL; ty++) {
    for (let tx = 0; tx < THUMBNAIL; tx++) {
      let sum = 0,
        count = 0;
      for (let y = Math.floor(ty * block); y < Math.floor((ty + 1) * block); y++) {
        for (let x = Math.floor(tx * block); x < Math.floor((tx + 1) * block); x++) {
          const p = (y * chip.size + x) * 3;
          sum += 0.299 * chip.rgb[p] + 0.587 * chip.rgb[p + 1] + 0.114 * chip.rgb[p + 2];
          count++;
        }
      }
      out[ty * THUMBNAIL + tx] = Math.round(sum / count);
    }
  }
  return out;
}
