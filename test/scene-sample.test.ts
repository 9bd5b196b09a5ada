import { expect } from 'chai';
import { SCENE_GRID, sampleScene, sceneChange, type SceneChange, type SceneFrame } from '../src/face/liveness/scene.js';
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

/**
 * The scene change as the module's comments define it, cell by cell: the background of a frame is
 * every cell outside its face box grown by the head's margins; a's colour at b's cell, moved by
 * (dx, dy) cells, is interpolated between the cells around (each of which must be background); the
 * camera's move is the best correlation, every second cell, then around the best by 1 and by 0.5.
 */
function referenceSceneChange(a: SceneFrame, b: SceneFrame): SceneChange {
  const { width: gw, height: gh } = SCENE_GRID;
  const background = (f: SceneFrame) =>
    Uint8Array.from({ length: gw * gh }, (_, cell) => {
      const [x, y] = [cell % gw, Math.floor(cell / gw)];
      const x0 = ((x / gw) * f.image.width - f.box.x) / f.box.width,
        x1 = (((x + 1) / gw) * f.image.width - f.box.x) / f.box.width;
      const y0 = ((y / gh) * f.image.height - f.box.y) / f.box.height,
        y1 = (((y + 1) / gh) * f.image.height - f.box.y) / f.box.height;
      return x1 <= -0.4 || x0 >= 1.4 || y1 <= -0.5 || y0 >= 1.3 ? 1 : 0;
    });
  const [inA, inB] = [background(a), background(b)];
  /** The compared cells' colours at a move: a's interpolated, and b's. */
  const compared = (dx: number, dy: number) => {
    const pairs: { va: number[]; vb: number[] }[] = [];
    const [ix, iy] = [Math.floor(-dx), Math.floor(-dy)];
    const [tx, ty] = [-dx - ix, -dy - iy];
    const taps = [
      [0, 0, (1 - tx) * (1 - ty)],
      [1, 0, tx * (1 - ty)],
      [0, 1, (1 - tx) * ty],
      [1, 1, tx * ty],
    ].filter(([, , w]) => w! > 0);
    for (let y = 0; y < gh; y++) {
      for (let x = 0; x < gw; x++) {
        if (!inB[y * gw + x]) continue;
        const cells = taps.map(([ox, oy]) => [x + ix + ox!, y + iy + oy!]);
        if (cells.some(([cx, cy]) => cx! < 0 || cy! < 0 || cx! >= gw || cy! >= gh || !inA[cy! * gw + cx!])) continue;
        const va = [0, 1, 2].map((c) =>
          taps.reduce((v, [, , w], k) => v + w! * a.scene[(cells[k]![1]! * gw + cells[k]![0]!) * 3 + c]!, 0),
        );
        pairs.push({ va, vb: [0, 1, 2].map((c) => b.scene[(y * gw + x) * 3 + c]!) });
      }
    }
    return pairs;
  };
  type Found = { dx: number; dy: number; correlation: number; gain: number[] };
  const agreement = (dx: number, dy: number): Found | undefined => {
    const pairs = compared(dx, dy);
    const n = pairs.length;
    if (n < 60) return undefined;
    let [cov, varA, varB] = [0, 0, 0];
    const gain: number[] = [];
    for (let c = 0; c < 3; c++) {
      const sum = (f: (p: { va: number[]; vb: number[] }) => number) => pairs.reduce((s, p) => s + f(p), 0);
      const [sa, sb] = [sum((p) => p.va[c]!), sum((p) => p.vb[c]!)];
      cov += sum((p) => p.va[c]! * p.vb[c]!) - (sa * sb) / n;
      varA += sum((p) => p.va[c]! ** 2) - (sa * sa) / n;
      varB += sum((p) => p.vb[c]! ** 2) - (sb * sb) / n;
      gain.push((sb + 24 * n) / (sa + 24 * n));
    }
    const [plainA, plainB] = [varA / (3 * n) < 16, varB / (3 * n) < 16];
    return { dx, dy, correlation: plainA && plainB ? 1 : plainA || plainB ? 0 : cov / Math.sqrt(varA * varB), gain };
  };
  let best: Found | undefined;
  const tryMove = (dx: number, dy: number) => {
    const found = agreement(dx, dy);
    if (found && (!best || found.correlation > best.correlation)) best = found;
  };
  for (let dy = -6; dy <= 6; dy += 2) for (let dx = -6; dx <= 6; dx += 2) tryMove(dx, dy);
  for (const step of [1, 0.5]) {
    const around = best as Found | undefined;
    if (!around) break;
    for (const [sx, sy] of [
      [-1, -1],
      [0, -1],
      [1, -1],
      [-1, 0],
      [1, 0],
      [-1, 1],
      [0, 1],
      [1, 1],
    ]) {
      tryMove(around.dx + sx! * step, around.dy + sy! * step);
    }
  }
  const found = best as Found | undefined;
  const centre = (f: SceneFrame) => [
    (f.box.x + f.box.width / 2) / f.image.width,
    (f.box.y + f.box.height / 2) / f.image.height,
  ];
  const moveX = (centre(b)[0]! - centre(a)[0]! - (found?.dx ?? 0) / gw) * b.image.width;
  const moveY = (centre(b)[1]! - centre(a)[1]! - (found?.dy ?? 0) / gh) * b.image.height;
  let changed = 1;
  if (found) {
    const pairs = compared(found.dx, found.dy);
    const moved = pairs.filter((p) =>
      [0, 1, 2].some((c) => Math.abs((p.va[c]! + 24) * found.gain[c]! - 24 - p.vb[c]!) > 24),
    );
    changed = pairs.length ? moved.length / pairs.length : 1;
  }
  const count = (mask: Uint8Array) => mask.reduce((s, v) => s + v, 0);
  return {
    gain: found ? Math.max(...found.gain.map((g) => Math.abs(Math.log(g)))) : 0,
    background: found ? 1 - found.correlation : 1,
    changed,
    shift: Math.hypot(moveX, moveY) / Math.max(1, (a.box.width + b.box.width) / 2),
    resize: Math.abs(Math.log(b.box.width / b.image.width / (a.box.width / a.image.width))),
    backgroundShare: Math.min(count(inA), count(inB)) / (gw * gh),
  };
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

  // Rooms moved by whole and half cells, other rooms, and faces anywhere: small, large, over the
  // picture's edges and outside it (the head rectangle clipped, or no background left to compare).
  it("gives the cell-by-cell definition's figures to the bit, wherever the faces are", () => {
    let seed = 5;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const shifted = (scene: Uint8Array, sx: number, sy: number) =>
      scene.map((_, i) => {
        const [cell, c] = [Math.floor(i / 3), i % 3];
        const [x, y] = [
          Math.min(gw - 1, Math.max(0, (cell % gw) - sx)),
          Math.min(gh - 1, Math.max(0, Math.floor(cell / gw) - sy)),
        ];
        return scene[(y * gw + x) * 3 + c]!;
      });
    const scenes = [
      room,
      moved,
      otherRoom,
      shifted(room, 3, -2),
      shifted(otherRoom, -1, 4),
      new Uint8Array(room.length).fill(90),
    ];
    const box = () => {
      const width = 20 + random() * 600;
      return { x: random() * 900 - 300, y: random() * 700 - 250, width, height: width * (1 + random() * 0.3) };
    };
    const kinds = new Set<string>();
    for (let n = 0; n < 40; n++) {
      const a = { image: { width: 640, height: 480 }, box: box(), scene: scenes[n % scenes.length]! };
      const b = { image: { width: 640, height: 480 }, box: box(), scene: scenes[(n * 7 + 1) % scenes.length]! };
      const want = referenceSceneChange(a, b);
      expect(sceneChange(a, b), `pair ${n}`).to.deep.equal(want);
      kinds.add(want.background === 1 && want.changed === 1 ? 'nothing to compare' : 'compared');
    }
    expect([...kinds].sort()).to.deep.equal(['compared', 'nothing to compare']);
  });
});
