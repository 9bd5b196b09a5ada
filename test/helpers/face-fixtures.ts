/**
 * Face images for the engine tests, made from the group photos @vladmandic/face-api ships, so the
 * tests need nothing outside node_modules: each face of SAMPLE_FACES cut out with room around it
 * (a one-person photo), and variants of it.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { demoPhotoPath, demoPortrait, SAMPLE_FACES } from '../../src/eval/demo-faces.js';

export const FACE_COUNT = SAMPLE_FACES.length;

export function demoPhoto(name: string): Buffer {
  return readFileSync(demoPhotoPath(name));
}

/** Face `i` alone, as a one-person photo. */
export const portrait = demoPortrait;

/** A 640x480 webcam-like frame with the image scaled to `faceHeight` pixels and centred on grey. */
export async function webcamFrame(image: Buffer, faceHeight = 360): Promise<Buffer> {
  const scaled = await sharp(image).resize({ height: faceHeight }).toBuffer();
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 90, b: 90 } } })
    .composite([{ input: scaled, gravity: 'centre' }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

export const variants = {
  flipped: (jpeg: Buffer) => sharp(jpeg).flop().jpeg({ quality: 92 }).toBuffer(),
  darkened: (jpeg: Buffer) => sharp(jpeg).linear(0.55, 0).jpeg({ quality: 92 }).toBuffer(),
  recompressed: (jpeg: Buffer) => sharp(jpeg).jpeg({ quality: 25 }).toBuffer(),
  rescaled: async (jpeg: Buffer) => sharp(jpeg).resize({ width: Math.round(((await sharp(jpeg).metadata()).width ?? 300) * 0.6) }).png().toBuffer(),
} as const;
