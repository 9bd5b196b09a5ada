/**
 * 640x480 webcam-like frames: a photo scaled into the frame on a grey background, as
 * test/helpers/face-fixtures.ts does for the engine tests. From ../shared/faces when it is there,
 * else from the group photos @vladmandic/face-api ships (each face cut out with room around it).
 */
import { readFileSync } from 'node:fs';
import { cropAround, demoPhotos } from '../../src/eval/demo-faces.js';
import { webcamFrame } from '../../src/eval/webcam-frame.js';
import type { Box } from '../../src/face/detect/detection.js';
import { mapInLanes } from '../../src/eval/lanes.js';
import { identityPhotos } from '../../src/eval/shared-data.js';

export interface Frame {
  identity: string;
  /** The photo it was made from (and which face of it, for a group photo). */
  source: string;
  jpeg: Buffer;
}

/** Up to `perIdentity` photos of each person in ../shared/faces, in name order. */
export async function framesFromFaces(
  facesDir: string,
  perIdentity: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Frame[]> {
  const photos = identityPhotos(facesDir).flatMap(({ identity, files }) =>
    files.slice(0, perIdentity).map((file) => ({ identity, file })),
  );
  return mapInLanes(
    photos,
    2,
    async ({ identity, file }) => ({ identity, source: file, jpeg: await webcamFrame(file) }),
    onProgress,
  );
}

/**
 * Every face at least `minWidth` px wide in face-api's demo photos, cut out at 1.8 times its box
 * and framed; `findFaces` is the engine's detector. Each face counts as its own identity.
 */
export async function framesFromDemoPhotos(
  findFaces: (jpeg: Buffer) => Promise<Box[]>,
  minWidth = 60,
): Promise<Frame[]> {
  const frames: Frame[] = [];
  for (const file of demoPhotos()) {
    const boxes = (await findFaces(readFileSync(file))).filter((b) => b.width >= minWidth);
    for (const [i, box] of boxes.entries()) {
      const cut = await cropAround(file, box, 1.8);
      const source = `${file}#${i + 1}`;
      frames.push({ identity: source, source, jpeg: await webcamFrame(cut) });
    }
  }
  return frames;
}
