/**
 * One camera in one room: what stays put between consecutive frames of a live burst. Each frame of
 * a burst keeps a coarse sample of the whole picture (SCENE_GRID cells of mean colour, nothing a
 * face can be recognised by) beside its face box. Two consecutive frames of a webcam share their
 * background, up to a small move of the camera (a phone in the hand moves a lot more than a laptop
 * on a desk), and up to exposure and white balance, which drift but do not jump; the face box
 * moves and grows a little. Frames cut from different photos (a collage) differ in all of it.
 */
import type { Box } from '../detect/detection.js';
import type { RgbImage } from '../image.js';

export const SCENE_GRID = { width: 48, height: 36 } as const;

/**
 * The picture's mean colour in each cell of SCENE_GRID, row-major RGB. Pixel x falls in column
 * cell floor(x * gw / width) and row cell floor(y * gh / height); each row is walked one column
 * cell at a time, so no pixel pays for a division (it runs on every frame of every burst).
 */
export function sampleScene(image: RgbImage): Uint8Array {
  const { width: gw, height: gh } = SCENE_GRID;
  // Whole levels: a cell of a 1920x1080 picture sums to far below 2^32.
  const sums = new Uint32Array(gw * gh * 3);
  const counts = new Uint32Array(gw * gh);
  const { width, height, data } = image;
  const columns = columnCells(width, gw);
  for (let y = 0; y < height; y++) {
    const row = Math.min(gh - 1, Math.floor((y * gh) / height)) * gw;
    let p = y * width * 3;
    for (let c = 0; c < gw; c++) {
      let r = 0,
        g = 0,
        b = 0;
      const end = columns[c + 1];
      for (let x = columns[c]; x < end; x++, p += 3) {
        r += data[p];
        g += data[p + 1];
        b += data[p + 2];
      }
      const cell = row + c;
      sums[cell * 3] += r;
      sums[cell * 3 + 1] += g;
      sums[cell * 3 + 2] += b;
      counts[cell] += end - columns[c];
    }
  }
  const out = new Uint8Array(gw * gh * 3);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(sums[i] / Math.max(1, counts[Math.floor(i / 3)]));
  return out;
}

/** Where each of `cells` column cells starts (the last entry is `width`): x is in cell min(cells - 1, floor(x * cells / width)). */
function columnCells(width: number, cells: number): Int32Array {
  const starts = new Int32Array(cells + 1);
  let x = 0;
  for (let c = 0; c < cells; c++) {
    while (x < width && Math.min(cells - 1, Math.floor((x * cells) / width)) < c) x++;
    starts[c] = x;
  }
  starts[cells] = width;
  return starts;
}

/** What a frame of a burst tells about the scene. */
export interface SceneFrame {
  image: { width: number; height: number };
  box: Box;
  scene: Uint8Array;
}

export interface SceneChange {
  /** Largest change of a colour channel's overall level (log of the gain): exposure and white balance. */
  gain: number;
  /**
   * How unlike the two backgrounds are, once the camera's move (the best shift within
   * MAX_CAMERA_SHIFT) is undone: 1 minus the correlation of their patterns (0: the same room).
   */
  background: number;
  /**
   * The share of the background's cells whose colour changed, once the camera's move, exposure and
   * white balance are undone. A real room stays put but for a few cells near the moving head and
   * shoulders; the rest of a photo pasted in the same place (the correlation then sees the same
   * photo edges and passes) does not.
   */
  changed: number;
  /** How far the face box's centre moved against the background, in face widths. */
  shift: number;
  /** How much the face box grew or shrank (log of the width ratio, either way). */
  resize: number;
  /** The share of the picture left as background: too little, and `background` says little. */
  backgroundShare: number;
}

/** A level added to every channel's mean before gains are measured, so that a nearly black room does not turn sensor noise into large gains. */
const DARK = 24;
/** Camera moves looked for between two frames, in cells each way: every second cell, then the cells around the best, then half cells. */
const MAX_CAMERA_SHIFT = 6;
/** Fewer background cells than this in common, and two frames cannot be compared (a face too close). */
const MIN_COMPARED_CELLS = 60;
/** A cell whose mean colour moved by more than this many levels (of 255) in a channel has changed: far above a webcam's noise averaged over a cell. */
const CHANGED_LEVEL = 24;
/** A background whose cells vary by less than this (standard deviation, in levels) is a plain wall. */
const PLAIN = 4;

/** How the scene changed from frame `a` to frame `b`. */
export function sceneChange(a: SceneFrame, b: SceneFrame): SceneChange {
  const inA = backgroundMask(a),
    inB = backgroundMask(b);
  // The camera's move: the shift (in cells) at which the two backgrounds agree best, coarse to fine.
  let best: Agreement | undefined;
  const tryShift = (dx: number, dy: number) => {
    const agreement = agreementAt(a, b, inA, inB, dx, dy);
    if (agreement && (!best || agreement.correlation > best.correlation)) best = agreement;
  };
  for (let dy = -MAX_CAMERA_SHIFT; dy <= MAX_CAMERA_SHIFT; dy += 2)
    for (let dx = -MAX_CAMERA_SHIFT; dx <= MAX_CAMERA_SHIFT; dx += 2) tryShift(dx, dy);
  for (const step of [1, 0.5]) {
    const around = best as Agreement | undefined;
    if (!around) break;
    for (const [sx, sy] of NEIGHBOURS) tryShift(around.dx + sx * step, around.dy + sy * step);
  }
  const { width: gw, height: gh } = SCENE_GRID;
  const found = best as Agreement | undefined;
  const wa = a.box.width / a.image.width,
    wb = b.box.width / b.image.width;
  // The face's move against the room: the camera's own move (dx, dy cells) taken out.
  const cx = (f: SceneFrame) => (f.box.x + f.box.width / 2) / f.image.width;
  const cy = (f: SceneFrame) => (f.box.y + f.box.height / 2) / f.image.height;
  const moveX = (cx(b) - cx(a) - (found?.dx ?? 0) / gw) * b.image.width;
  const moveY = (cy(b) - cy(a) - (found?.dy ?? 0) / gh) * b.image.height;
  return {
    gain: found ? Math.max(...found.gain.map((g) => Math.abs(Math.log(g)))) : 0,
    background: found ? 1 - found.correlation : 1,
    changed: found ? changedAt(a, b, inA, inB, found) : 1,
    shift: Math.hypot(moveX, moveY) / Math.max(1, (a.box.width + b.box.width) / 2),
    resize: Math.abs(Math.log(wb / wa)),
    backgroundShare: Math.min(count(inA), count(inB)) / (gw * gh),
  };
}

const NEIGHBOURS = [
  [-1, -1],
  [0, -1],
  [1, -1],
  [-1, 0],
  [1, 0],
  [-1, 1],
  [0, 1],
  [1, 1],
] as const;

interface Agreement {
  dx: number;
  dy: number;
  /** How alike the backgrounds' patterns are (each channel about its own mean, so exposure and white balance do not count). */
  correlation: number;
  /** Each channel's gain from a to b. */
  gain: number[];
}

/**
 * Frame b's background against frame a's picture moved by (dx, dy) cells (between cells, the mean
 * of the cells around), over the cells that are background in both: how alike their patterns are.
 * Two plain walls are alike; a plain wall and a patterned room are not. Undefined when too few
 * cells are background in both.
 */
function agreementAt(
  a: SceneFrame,
  b: SceneFrame,
  inA: Uint8Array,
  inB: Uint8Array,
  dx: number,
  dy: number,
): Agreement | undefined {
  const n = compareCells(a, b, inA, inB, dx, dy);
  if (n < MIN_COMPARED_CELLS) return undefined;
  // Each channel's sums in cell order, in locals (the sums are the same whichever way they are held).
  let sa0 = 0,
    sa1 = 0,
    sa2 = 0,
    sb0 = 0,
    sb1 = 0,
    sb2 = 0,
    saa0 = 0,
    saa1 = 0,
    saa2 = 0,
    sbb0 = 0,
    sbb1 = 0,
    sbb2 = 0,
    sab0 = 0,
    sab1 = 0,
    sab2 = 0;
  for (let i = 0; i < n * 3; i += 3) {
    const a0 = comparedA[i]!,
      a1 = comparedA[i + 1]!,
      a2 = comparedA[i + 2]!;
    const b0 = comparedB[i]!,
      b1 = comparedB[i + 1]!,
      b2 = comparedB[i + 2]!;
    sa0 += a0;
    sa1 += a1;
    sa2 += a2;
    sb0 += b0;
    sb1 += b1;
    sb2 += b2;
    saa0 += a0 * a0;
    saa1 += a1 * a1;
    saa2 += a2 * a2;
    sbb0 += b0 * b0;
    sbb1 += b1 * b1;
    sbb2 += b2 * b2;
    sab0 += a0 * b0;
    sab1 += a1 * b1;
    sab2 += a2 * b2;
  }
  const sa = [sa0, sa1, sa2],
    sb = [sb0, sb1, sb2],
    saa = [saa0, saa1, saa2],
    sbb = [sbb0, sbb1, sbb2],
    sab = [sab0, sab1, sab2];
  let cov = 0,
    varA = 0,
    varB = 0;
  for (let c = 0; c < 3; c++) {
    cov += sab[c] - (sa[c] * sb[c]) / n;
    varA += saa[c] - (sa[c] * sa[c]) / n;
    varB += sbb[c] - (sb[c] * sb[c]) / n;
  }
  const [plainA, plainB] = [varA / (3 * n) < PLAIN ** 2, varB / (3 * n) < PLAIN ** 2];
  const correlation = plainA && plainB ? 1 : plainA || plainB ? 0 : cov / Math.sqrt(varA * varB);
  return { dx, dy, correlation, gain: [0, 1, 2].map((c) => (sb[c] + DARK * n) / (sa[c] + DARK * n)) };
}

/**
 * At the camera's move found (counted there alone, not at every move tried): the share of compared
 * cells where a channel of a, its gain applied, differs from b's by more than CHANGED_LEVEL.
 */
function changedAt(a: SceneFrame, b: SceneFrame, inA: Uint8Array, inB: Uint8Array, found: Agreement): number {
  const n = compareCells(a, b, inA, inB, found.dx, found.dy);
  let changed = 0;
  for (let i = 0; i < n * 3; i += 3) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs((comparedA[i + c]! + DARK) * found.gain[c]! - DARK - comparedB[i + c]!) > CHANGED_LEVEL) {
        changed++;
        break;
      }
    }
  }
  return n ? changed / n : 1;
}

/**
 * The colours compared by the last compareCells: a's (interpolated) and b's, three per cell. Written
 * in place rather than handed to a callback per cell: a burst's check compares some 65 camera moves
 * for each pair of frames, and the callbacks were most of its time, on the server's event loop. The
 * check runs to its end without awaiting, so one pair of buffers serves every call.
 */
const comparedA = new Float64Array(SCENE_GRID.width * SCENE_GRID.height * 3);
const comparedB = new Float64Array(SCENE_GRID.width * SCENE_GRID.height * 3);

/**
 * Each cell that is background in b and, moved by (dx, dy), in a, with the two colours (a's
 * interpolated between cells) written to comparedA and comparedB in cell order; returns how many.
 */
function compareCells(a: SceneFrame, b: SceneFrame, inA: Uint8Array, inB: Uint8Array, dx: number, dy: number): number {
  // Frame a's point under b's cell (x, y) is (x - dx, y - dy): its cell and the next, by fractions tx, ty.
  const ix0 = Math.floor(-dx),
    iy0 = Math.floor(-dy);
  const tx = -dx - ix0,
    ty = -dy - iy0;
  if (tx === 0 && ty === 0) return compareWholeCells(a.scene, b.scene, inA, inB, ix0, iy0);
  const { width: gw, height: gh } = SCENE_GRID;
  // The cells around the point with a weight, in the order right, below, below right after the
  // cell itself, so that the sums are made in one order.
  const taps = [
    [0, (1 - tx) * (1 - ty)],
    [1, tx * (1 - ty)],
    [gw, (1 - tx) * ty],
    [gw + 1, tx * ty],
  ].filter(([, weight]) => weight! > 0) as [number, number][];
  const offsets = taps.map(([offset]) => offset);
  const weights = taps.map(([, weight]) => weight);
  const reach = { x: tx > 0 ? 1 : 0, y: ty > 0 ? 1 : 0 };
  const sceneA = a.scene,
    sceneB = b.scene;
  let n = 0;
  for (let y = Math.max(0, -iy0); y < Math.min(gh, gh - iy0 - reach.y); y++) {
    for (let x = Math.max(0, -ix0); x < Math.min(gw, gw - ix0 - reach.x); x++) {
      const cell = y * gw + x;
      if (!inB[cell]) continue;
      const at = (y + iy0) * gw + x + ix0;
      let inside = true;
      for (let k = 0; k < offsets.length; k++) if (!inA[at + offsets[k]!]) inside = false;
      if (!inside) continue;
      const out = n * 3,
        pa = at * 3,
        pb = cell * 3;
      for (let c = 0; c < 3; c++) {
        let va = 0;
        for (let k = 0; k < offsets.length; k++) va += weights[k]! * sceneA[pa + offsets[k]! * 3 + c]!;
        comparedA[out + c] = va;
      }
      comparedB[out] = sceneB[pb]!;
      comparedB[out + 1] = sceneB[pb + 1]!;
      comparedB[out + 2] = sceneB[pb + 2]!;
      n++;
    }
  }
  return n;
}

/**
 * compareCells for a move by whole cells (the coarse search's, most of the moves tried): each of a's
 * colours as it is, as 0 + 1 * v is. A loop of its own, which runs several times faster than the
 * same work as a branch of the interpolating one.
 */
function compareWholeCells(
  sceneA: Uint8Array,
  sceneB: Uint8Array,
  inA: Uint8Array,
  inB: Uint8Array,
  ix0: number,
  iy0: number,
): number {
  const { width: gw, height: gh } = SCENE_GRID;
  const x0 = Math.max(0, -ix0),
    x1 = Math.min(gw, gw - ix0);
  const y0 = Math.max(0, -iy0),
    y1 = Math.min(gh, gh - iy0);
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0, cell = y * gw + x0, at = (y + iy0) * gw + x0 + ix0; x < x1; x++, cell++, at++) {
      if (!inB[cell] || !inA[at]) continue;
      const out = n * 3,
        pa = at * 3,
        pb = cell * 3;
      comparedA[out] = sceneA[pa]!;
      comparedA[out + 1] = sceneA[pa + 1]!;
      comparedA[out + 2] = sceneA[pa + 2]!;
      comparedB[out] = sceneB[pb]!;
      comparedB[out + 1] = sceneB[pb + 1]!;
      comparedB[out + 2] = sceneB[pb + 2]!;
      n++;
    }
  }
  return n;
}

function count(mask: Uint8Array): number {
  let n = 0;
  for (const v of mask) n += v;
  return n;
}

/** Around the face box, in face sizes, what the head, hair and a turn may cover: left out of the background. */
const HEAD_MARGIN = { side: 0.4, above: 0.5, below: 0.3 } as const;

/** The cells of a frame outside its head (the face box grown by HEAD_MARGIN), as a mask. */
function backgroundMask(f: SceneFrame): Uint8Array {
  const mask = new Uint8Array(SCENE_GRID.width * SCENE_GRID.height);
  const outside = cellsWhere(
    f,
    (x0, x1, y0, y1) =>
      x1 <= -HEAD_MARGIN.side || x0 >= 1 + HEAD_MARGIN.side || y1 <= -HEAD_MARGIN.above || y0 >= 1 + HEAD_MARGIN.below,
  );
  for (const cell of outside) mask[cell] = 1;
  return mask;
}

/** The cells of the grid whose edges, in face-box units (0..1 across the box), pass `inside`. */
function cellsWhere(f: SceneFrame, inside: (x0: number, x1: number, y0: number, y1: number) => boolean): number[] {
  const { width: gw, height: gh } = SCENE_GRID;
  const cells: number[] = [];
  for (let y = 0; y < gh; y++) {
    const y0 = ((y / gh) * f.image.height - f.box.y) / f.box.height,
      y1 = (((y + 1) / gh) * f.image.height - f.box.y) / f.box.height;
    for (let x = 0; x < gw; x++) {
      const x0 = ((x / gw) * f.image.width - f.box.x) / f.box.width,
        x1 = (((x + 1) / gw) * f.image.width - f.box.x) / f.box.width;
      if (inside(x0, x1, y0, y1)) cells.push(y * gw + x);
    }
  }
  return cells;
}
