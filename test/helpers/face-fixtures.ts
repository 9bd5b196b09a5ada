/**
 * Face images for the engine tests, made from the group photos @vladmandic/face-api ships, so the
 * tests need nothing outside node_modules: each face of SAMPLE_FACES cut out with room around it
 * (a one-person photo), and variants of it.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { demoPhotoPath, demoPortrait, SAMPLE_FACES } from '../../src/eval/demo-faces.js';

export { emptyFrame, variants, webcamFrame } from '../../src/eval/webcam-frame.js';

export const FACE_COUNT = SAMPLE_FACES.length;

export function demoPhoto(name: string): Buffer {
  return readFileSync(demoPhotoPath(name));
}

/** Face `i` alone, as a one-person photo. */
export const portrait = demoPortrait;

/**
 * A photo turned into a 640x480 webcam frame around one face (its box in the upright photo's pixels, as the face engine reports it): the
 * face centred, about `faceShare` of the frame's height, grey where the photo ends.
 */
export async function webcamFrameAround(
  photo: Buffer,
  box: { x: number; y: number; width: number; height: number },
  faceShare = 0.42,
): Promise<Buffer> {
  const upright = await sharp(photo).autoOrient().toBuffer();
  const scale = (480 * faceShare) / box.height;
  const { width, height } = await sharp(upright).metadata();
  const scaledWidth = Math.round(width! * scale);
  const scaledHeight = Math.round(height! * scale);
  const centreX = Math.round((box.x + box.width / 2) * scale);
  const centreY = Math.round((box.y + box.height / 2) * scale);
  // The 640x480 window around the face, in the scaled photo; what falls outside it is padding.
  const left = centreX - 320;
  const top = centreY - 240;
  const pad = {
    left: Math.max(0, -left),
    top: Math.max(0, -top),
    right: Math.max(0, left + 640 - scaledWidth),
    bottom: Math.max(0, top + 480 - scaledHeight),
  };
  const scaled = await sharp(upright).resize(scaledWidth, scaledHeight).toBuffer();
  const padded = await sharp(scaled)
    .extend({ ...pad, background: { r: 90, g: 90, b: 90 } })
    .toBuffer();
  return sharp(padded)
    .extract({ left: left + pad.left, top: top + pad.top, width: 640, height: 480 })
    .jpeg({ quality: 90 })
    .toBuffer();
}
