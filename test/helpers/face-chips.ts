/**
 * Real faces for the model tests, from the group photos @vladmandic/face-api ships
 * (demo/sample1..6.jpg), so the tests need nothing outside node_modules. The boxes were measured
 * once with face-api's SSD MobileNet v1 detector (score >= 0.97) and written down here.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp, { type Sharp } from 'sharp';

export interface FaceBox {
  photo: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

export const SAMPLE_FACES: readonly FaceBox[] = [
  { photo: 'sample1.jpg', left: 414, top: 355, width: 177, height: 240 },
  { photo: 'sample2.jpg', left: 1447, top: 153, width: 194, height: 242 },
  { photo: 'sample3.jpg', left: 585, top: 329, width: 199, height: 271 },
  { photo: 'sample5.jpg', left: 787, top: 109, width: 156, height: 212 },
];

/** An RGB image as interleaved bytes, rows top to bottom (HWC). */
export interface RgbImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

const require = createRequire(import.meta.url);

export function demoPhotoPath(photo: string): string {
  return join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', photo);
}

/** The box exactly as detected (not square). */
export async function cropFace(face: FaceBox): Promise<RgbImage> {
  return rgb(sharp(demoPhotoPath(face.photo)).extract({ left: face.left, top: face.top, width: face.width, height: face.height }));
}

/** A size x size chip: the square of side max(width, height) centred on the box, resized bilinearly. */
export async function squareChip(face: FaceBox, size: number): Promise<RgbImage> {
  const side = Math.max(face.width, face.height);
  const left = Math.round(face.left + face.width / 2 - side / 2);
  const top = Math.round(face.top + face.height / 2 - side / 2);
  return rgb(sharp(demoPhotoPath(face.photo)).extract({ left, top, width: side, height: side }).resize(size, size, { kernel: 'linear' }));
}

async function rgb(image: Sharp): Promise<RgbImage> {
  const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, pixels: new Uint8Array(data) };
}

/** (pixel - mean[c]) * scale, from HWC bytes to a float32 NCHW batch. */
export function toNchw(images: readonly RgbImage[], mean: readonly number[], scale: number): Float32Array {
  const { width, height } = images[0]!;
  const plane = width * height;
  const out = new Float32Array(images.length * 3 * plane);
  images.forEach((image, n) => {
    for (let i = 0; i < plane; i++) {
      for (let c = 0; c < 3; c++) out[(n * 3 + c) * plane + i] = (image.pixels[i * 3 + c]! - mean[c]!) * scale;
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
