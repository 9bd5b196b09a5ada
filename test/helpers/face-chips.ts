/**
 * Real faces for the model tests, cut from the group photos @vladmandic/face-api ships
 * (src/eval/demo-faces.ts), so the tests need nothing outside node_modules.
 */
import { demoPhotoPath, type FaceBox } from '../../src/eval/demo-faces.js';
import sharp, { type Sharp } from 'sharp';

export { SAMPLE_FACES, demoPhotoPath, type FaceBox } from '../../src/eval/demo-faces.js';

/** An RGB image as interleaved bytes, rows top to bottom (HWC). */
export interface RgbImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** The box exactly as detected (not square). */
export async function cropFace(face: FaceBox): Promise<RgbImage> {
  return rgb(
    sharp(demoPhotoPath(face.photo)).extract({
      left: face.left,
      top: face.top,
      width: face.width,
      height: face.height,
    }),
  );
}

/** A size x size chip: the square of side max(width, height) centred on the box, resized bilinearly. */
export async function squareChip(face: FaceBox, size: number): Promise<RgbImage> {
  const side = Math.max(face.width, face.height);
  const left = Math.round(face.left + face.width / 2 - side / 2);
  const top = Math.round(face.top + face.height / 2 - side / 2);
  return rgb(
    sharp(demoPhotoPath(face.photo))
      .extract({ left, top, width: side, height: side })
      .resize(size, size, { kernel: 'linear' }),
  );
}

async function rgb(image: Sharp): Promise<RgbImage> {
  const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, pixels: new Uint8Array(data) };
}

/** (pixel - mean[c]) * scale, from HWC bytes to a float32 NCHW batch. */
export function toNchw(images: readonly RgbImage[], mean: readonly number[], scale: number): Float32Array {
  const { width, height } = images[0];
  const plane = width * height;
  const out = new Float32Array(images.length * 3 * plane);
  images.forEach((image, n) => {
    for (let i = 0; i < plane; i++) {
      for (let c = 0; c < 3; c++) out[(n * 3 + c) * plane + i] = (image.pixels[i * 3 + c] - mean[c]) * scale;
    }
  });
  return out;
}

/** Mirrors an image left to right. */
export function mirror(image: RgbImage): RgbImage {
  const pixels = new Uint8Array(image.pixels.length);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const from = (y * image.width + x) * 3;
      const to = (y * image.width + (image.width - 1 - x)) * 3;
      pixels.set(image.pixels.subarray(from, from + 3), to);
    }
  }
  return { ...image, pixels };
}
