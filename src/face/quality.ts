/**
 * Two simple, measured quality scores of an aligned chip, so a refusal can say what to fix:
 * - brightness: mean luma (0..255) of the central face region;
 * - sharpness: the Laplacian's standard deviation over the luma's, in the same region. Dividing by
 *   the contrast makes it the share of fine detail, the same for a dim and a bright photo of one face.
 * The chip has a fixed size relative to the face, so both are comparable across cameras and distances.
 */
import { FaceError } from './errors.js';
import type { Chip } from './align/chip.js';
import { round } from './round.js';

export interface Quality {
  brightness: number;
  sharpness: number;
}

export interface QualityThresholds {
  minBrightness: number;
  minSharpness: number;
}

/** The central part of the chip, where the face is whatever the template's margin. */
const REGION = { from: 0.25, to: 0.75 };

/** The chip's luma, made and read within one call: one buffer serves them all (see WarpOptions.into). */
let lumaBuffer = new Float32Array(0);

export function measureQuality(chip: Chip): Quality {
  const n = chip.size;
  if (lumaBuffer.length !== n * n) lumaBuffer = new Float32Array(n * n);
  const luma = lumaBuffer;
  for (let i = 0, p = 0; i < luma.length; i++, p += 3) {
    luma[i] = 0.299 * chip.rgb[p] + 0.587 * chip.rgb[p + 1] + 0.114 * chip.rgb[p + 2];
  }
  const lo = Math.max(1, Math.floor(n * REGION.from));
  const hi = Math.min(n - 1, Math.ceil(n * REGION.to));
  let sum = 0,
    sumSq = 0,
    lapSum = 0,
    lapSq = 0,
    count = 0;
  for (let y = lo; y < hi; y++) {
    for (let x = lo; x < hi; x++) {
      const i = y * n + x;
      const v = luma[i];
      const lap = luma[i - 1] + luma[i + 1] + luma[i - n] + luma[i + n] - 4 * v;
      sum += v;
      sumSq += v * v;
      lapSum += lap;
      lapSq += lap * lap;
      count++;
    }
  }
  const mean = sum / count;
  const contrast = Math.sqrt(Math.max(0, sumSq / count - mean * mean));
  const detail = Math.sqrt(Math.max(0, lapSq / count - (lapSum / count) ** 2));
  return { brightness: mean, sharpness: contrast > 1 ? detail / contrast : 0 };
}

export function checkQuality(quality: Quality, thresholds: QualityThresholds): void {
  const measured = { brightness: round(quality.brightness, 3), sharpness: round(quality.sharpness, 3) };
  if (quality.brightness < thresholds.minBrightness)
    throw new FaceError('too_dark', { ...measured, minBrightness: thresholds.minBrightness });
  if (quality.sharpness < thresholds.minSharpness)
    throw new FaceError('too_blurry', { ...measured, minSharpness: thresholds.minSharpness });
}
