/**
 * Where the presentation-attack model looks: the square its publisher crops around a face
 * (faceplugin-face-recognition-js, lib/fr_liveness.js), found from BlazeFace's box.
 *
 * The publisher squares its own detector's box on the box's height, scales the square by 2.7 about
 * its centre (less when that would not fit in the image), and shifts it into the image. The model
 * learned from that framing: the face with its surroundings, where a print's or a screen's edges,
 * moiré and glare show. Our detector's box is smaller and lower on the face, so it is first brought
 * to the publisher's: measured on 444 webcam-framed photos, fr_detect's square is 1.244 times
 * BlazeFace's side, centred 0.107 sides higher (models/manifest.json, fr-liveness).
 */
import type { Box } from '../detect/detection.js';

/** fr_detect's square side, in BlazeFace box sides. */
const DETECTOR_SIDE = 1.244;
/** fr_detect's square centre above BlazeFace's, in BlazeFace box sides. */
const DETECTOR_RAISE = 0.107;
/** The publisher's context around the face. */
const CONTEXT = 2.7;

export interface Square {
  x: number;
  y: number;
  side: number;
}

/** The square to resize to the model's input, in whole image pixels, inside the image. */
export function presentationCrop(image: { width: number; height: number }, box: Box): Square {
  const faceSide = Math.max(box.width, box.height) * DETECTOR_SIDE;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2 - DETECTOR_RAISE * Math.max(box.width, box.height);
  // As the publisher does: the scale shrinks until the square fits, then the square moves inside.
  const scale = Math.min((image.height - 1) / faceSide, (image.width - 1) / faceSide, CONTEXT);
  const side = Math.trunc(faceSide * scale);
  const x = clamp(Math.trunc(cx - side / 2), 0, image.width - 1 - side);
  const y = clamp(Math.trunc(cy - side / 2), 0, image.height - 1 - side);
  return { x, y, side };
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}
