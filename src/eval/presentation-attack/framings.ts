/**
 * How a photo becomes the webcam frame the presentation-attack model judges. The model looks well
 * beyond the face (2.7 times the face box), so what surrounds the photo in the frame counts:
 * - webcam: the project's test and bench frame (src/eval/webcam-frame.ts), the photo 360 px high
 *   inside a 640x480 frame, plain grey around it: the photo's edges are in view, as a print's are;
 * - burst: a photo framed as the collage attack frames it (src/eval/liveness/posed-photos.ts), the
 *   photo 442 px high on grey, a little shifted, its exposure nudged, with sensor noise;
 * - fill: the photo filling the frame (cropped to 4:3): no edge in view, as in a live camera's frame.
 */
import sharp from 'sharp';
import { framed } from '../liveness/posed-photos.js';
import { FRAME, webcamFrame } from '../webcam-frame.js';

export const FRAMINGS = {
  webcam: (photo: Uint8Array) => webcamFrame(Buffer.from(photo)),
  burst: (photo: Uint8Array, seed: number) => framed(photo, seed),
  fill: (photo: Uint8Array) =>
    sharp(photo).rotate().resize(FRAME.width, FRAME.height, { fit: 'cover' }).jpeg({ quality: 85 }).toBuffer(),
} as const;

export type Framing = keyof typeof FRAMINGS;

export function isFraming(name: string): name is Framing {
  return Object.hasOwn(FRAMINGS, name);
}
