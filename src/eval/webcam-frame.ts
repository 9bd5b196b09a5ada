/**
 * Photos made to look like what a webcam sends: a 640x480 JPEG with the face in the middle on a
 * plain background, and the variants a camera produces (mirrored, darker, recompressed, smaller).
 * Tests and benchmarks post these to the sign-in and enrolment pages.
 */
import sharp from 'sharp';

export const FRAME = { width: 640, height: 480 } as const;

/**
 * A 640x480 webcam-like frame: the photo (upright by its EXIF orientation) scaled to `faceHeight`
 * pixels high, or narrower to fit the frame's width, centred on grey.
 */
export async function webcamFrame(image: Buffer | string, faceHeight = 360): Promise<Buffer> {
  const scaled = await sharp(image)
    .rotate()
    .resize({ width: FRAME.width, height: faceHeight, fit: 'inside' })
    .toBuffer();
  return sharp({ create: { ...FRAME, channels: 3, background: { r: 90, g: 90, b: 90 } } })
    .composite([{ input: scaled, gravity: 'centre' }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

export const variants = {
  flipped: (jpeg: Buffer) => sharp(jpeg).flop().jpeg({ quality: 92 }).toBuffer(),
  darkened: (jpeg: Buffer) => sharp(jpeg).linear(0.55, 0).jpeg({ quality: 92 }).toBuffer(),
  recompressed: (jpeg: Buffer) => sharp(jpeg).jpeg({ quality: 25 }).toBuffer(),
  rescaled: async (jpeg: Buffer) =>
    sharp(jpeg)
      .resize({ width: Math.round(((await sharp(jpeg).metadata()).width ?? 300) * 0.6) })
      .png()
      .toBuffer(),
} as const;

/** A 640x480 webcam-like frame with nobody in it: an evenly lit wall. */
export function emptyFrame(): Promise<Buffer> {
  return sharp({ create: { ...FRAME, channels: 3, background: { r: 150, g: 145, b: 138 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
}
