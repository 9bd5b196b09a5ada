import { expect } from 'chai';
import { SCENE_GRID, sampleScene, sceneChange, type SceneFrame } from '../src/face/liveness/scene.js';
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

describe('the scene change between two burst frames', () => {
  const { width: gw, height: gh } = SCENE_GRID;
  /** A patterned room's scene sample, with a little fixed noise. */
  const room = new Uint8Array(gw * gh * 3);
  for (let i = 0; i < gw * gh; i++) {
    for (let c = 0; c < 3; c++) {
      const noise = (Math.imul(i * 3 + c + 1, 2654435761) >>> 24) % 9;
      room[i * 3 + c] = 128 + Math.round(90 * Math.sin((i % gw) * 0.45 + Math.floor(i / gw) * 0.3 + c) + noise);
    }
  }
  /** The same room, the camera moved by 2 cells right and 1 down, 5% brighter. */
  const moved = new Uint8Array(room.length);
  for (let y = 0; y < gh; y++) {
    for (let x = 0; x < gw; x++) {
      for (let c = 0; c < 3; c++) {
        const from = (Math.max(0, y - 1) * gw + Math.max(0, x - 2)) * 3 + c;
        moved[(y * gw + x) * 3 + c] = Math.min(255, Math.round(room[from]! * 1.05));
      }
    }
  }
  const otherRoom = new Uint8Array(room.length).map((_, i) => 128 + Math.round(90 * Math.cos(i * 0.11)));
  const frame = (scene: Uint8Array, x: number): SceneFrame => ({
    image: { width: 640, height: 480 },
    box: { x, y: 140, width: 180, height: 200 },
    scene,
  });

  // The figures the comparison gave when it visited each cell through a callback (main at f146b7d):
  // writing the compared colours to buffers instead made it about twice as fast, and changed no bit.
  it('finds the camera move in the same room, with the figures of the per-cell version to the bit', () => {
    expect(sceneChange(frame(room, 230), frame(moved, 262))).to.deep.equal({
      gain: 0.041661256069204976,
      background: 0.003660248689585477,
      changed: 0.055632823365785816,
      shift: 0.1897221996276398,
      resize: 0,
      backgroundShare: 0.59375,
    });
  });

  it('tells another room apart, with the figures of the per-cell version to the bit', () => {
    expect(sceneChange(frame(room, 230), frame(otherRoom, 240))).to.deep.equal({
      gain: 0.046112468139477045,
      background: 0.968100023790385,
      changed: 0.9971751412429378,
      shift: 0.5408548839448234,
      resize: 0,
      backgroundShare: 0.59375,
    });
  });
});
