/**
 * Faces that come with an npm dependency: the group photos @vladmandic/face-api ships
 * (demo/sample1..6.jpg). Tests and evaluations that must run on any machine use these; the boxes
 * were measured once with face-api's SSD MobileNet v1 detector (score >= 0.97).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

export interface FaceBox {
  photo: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Four different people. */
export const SAMPLE_FACES: readonly FaceBox[] = [
  { photo: 'sample1.jpg', left: 414, top: 355, width: 177, height: 240 },
  { photo: 'sample2.jpg', left: 1447, top: 153, width: 194, height: 242 },
  { photo: 'sample3.jpg', left: 585, top: 329, width: 199, height: 271 },
  { photo: 'sample5.jpg', left: 787, top: 109, width: 156, height: 212 },
];

const require = createRequire(import.meta.url);

export function demoPhotoPath(photo: string): string {
  return join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', photo);
}

/** Face `i` alone: its box grown to `grow` times its size, as a JPEG (a one-person photo). */
export async function demoPortrait(i: number, grow = 1.8): Promise<Buffer> {
  const face = SAMPLE_FACES[i]!;
  const photo = sharp(demoPhotoPath(face.photo));
  const { width, height } = await photo.metadata();
  const side = Math.round(Math.max(face.width, face.height) * grow);
  const left = Math.max(0, Math.round(face.left + face.width / 2 - side / 2));
  const top = Math.max(0, Math.round(face.top + face.height / 2 - side / 2));
  return photo
    .extract({ left, top, width: Math.min(side, width! - left), height: Math.min(side, height! - top) })
    .jpeg({ quality: 92 })
    .toBuffer();
}
