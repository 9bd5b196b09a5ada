import type { FaceEngine } from '../../face/engine.js';
import { rasterOf, type RgbRaster } from './scene.js';

/**
 * The part of a photo an attacker would hold up: the face with room around it (twice the face box,
 * square), so that it fills the camera as a real face at arm's length does. Undefined without a face.
 */
export async function faceCard(engine: FaceEngine, photo: Uint8Array): Promise<RgbRaster | undefined> {
  // The face the photo is of: the largest (analyzeAll lists them largest first).
  const [face] = await engine.analyzeAll(photo).catch(() => []);
  if (!face) return undefined;
  const raster = await rasterOf(photo);
  const side = Math.round(Math.max(face.box.width, face.box.height) * 2);
  const left = Math.max(0, Math.round(face.box.x + face.box.width / 2 - side / 2));
  const top = Math.max(0, Math.round(face.box.y + face.box.height / 2 - side / 2));
  const width = Math.min(side, raster.width - left);
  const height = Math.min(side, raster.height - top);
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    data.set(
      raster.data.subarray(((top + y) * raster.width + left) * 3, ((top + y) * raster.width + left + width) * 3),
      y * width * 3,
    );
  }
  return { width, height, data };
}
