import { expect } from 'chai';
import { SCENE_GRID, sampleScene } from '../src/face/liveness/scene.js';
import type { RgbImage } from '../src/face/image.js';

/** The scene sample as its definition says: each cell the rounded mean of the pixels that fall in it. */
function meanPerCell(image: RgbImage): Uint8Array {
  const { width: gw, height: gh } = SCENE_GRID;
  const out = new Uint8Array(gw * gh * 3);
  for (let cy = 0; cy < gh; cy++) {
    for (let cx = 0; cx < gw; cx++) {
      const sum = [0, 0, 0];
      let n = 0;
      for (let y = 0; y < image.height; y++) {
        if (Math.min(gh - 1, Math.floor((y * gh) / image.height)) !== cy) continue;
        for (let x = 0; x < image.width; x++) {
          if (Math.min(gw - 1, Math.floor((x * gw) / image.width)) !== cx) continue;
          for (let c = 0; c < 3; c++) sum[c] += image.data[(y * image.width + x) * 3 + c];
          n++;
        }
      }
      for (let c = 0; c < 3; c++) out[(cy * gw + cx) * 3 + c] = Math.round(sum[c] / Math.max(1, n));
    }
  }
  return out;
}

function noise(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = Math.imul(i + 1, 2654435761) >>> 24;
  return { width, height, data };
}

describe('the scene sample of a burst frame', () => {
  // A webcam frame, sizes that do not divide into the grid, pictures narrower than the grid, one pixel.
  for (const [width, height] of [
    [640, 480],
    [641, 479],
    [1920, 1080],
    [100, 37],
    [47, 35],
    [3000, 7],
    [1, 1],
  ]) {
    it(`is each cell's mean colour, ${width}x${height}`, () => {
      const image = noise(width, height);
      expect(Buffer.from(sampleScene(image)).equals(Buffer.from(meanPerCell(image)))).to.equal(true);
    });
  }
});
