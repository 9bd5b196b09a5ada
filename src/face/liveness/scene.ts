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
  const inA = backgroundOf(a),
    inB = backgroundOf(b);
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
    backgroundShare: Math.min(inA.cells, inB.cells) / (gw * gh),
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
  inA: Background,
  inB: Background,
  dx: number,
  dy: number,
): Agreement | undefined {
  const n = compareCells(a, b, inA, inB, dx, dy);
  if (n < MIN_COMPARED_CELLS) return undefined;
  // Each channel's sums, in locals. Every colour is a whole number of quarter levels (the moves are
  // whole or half cells), so every term is a whole number of sixteenths and every sum far below
  // 2^53 of them: exact in a double, whatever the order it is made in.
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
function changedAt(a: SceneFrame, b: SceneFrame, inA: Background, inB: Background, found: Agreement): number {
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
 * The colours compared by the last compareCells: a's (interpolated) and b's, three per cell. The
 * check runs to its end without awaiting, so one pair of buffers serves every call.
 */
const comparedA = new Float64Array(SCENE_GRID.width * SCENE_GRID.height * 3);
const comparedB = new Float64Array(SCENE_GRID.width * SCENE_GRID.height * 3);

/**
 * Each cell that is background in b and, moved by (dx, dy) cells, in a, with the two colours
 * written to comparedA and comparedB in cell order; returns how many. The moves are whole cells (57
 * of the some 65 a pair of frames is compared at) or half cells (the last, finest step): a's colour
 * at b's cell is then the mean of the two or four cells around, all of which must be background
 * (halves and quarters of whole levels, exact). Each row is walked in the runs of cells beside the
 * two heads (runsBetween), not cell by cell: a test per cell of whether it was background was most
 * of the check's time, on the server's event loop.
 */
function compareCells(a: SceneFrame, b: SceneFrame, inA: Background, inB: Background, dx: number, dy: number): number {
  const ix0 = Math.floor(-dx),
    iy0 = Math.floor(-dy);
  const halfX = -dx - ix0,
    halfY = -dy - iy0;
  if ((halfX !== 0 && halfX !== 0.5) || (halfY !== 0 && halfY !== 0.5)) {
    throw new Error(`sceneChange: a move of (${dx}, ${dy}) cells, neither whole nor half cells`);
  }
  const rx = halfX > 0 ? 1 : 0,
    ry = halfY > 0 ? 1 : 0;
  const { width: gw, height: gh } = SCENE_GRID;
  const sceneA = a.scene,
    sceneB = b.scene;
  const headA = inA.head,
    headB = inB.head;
  // a's taps: the cell, the next along x and along y where the move is half a cell that way (the
  // cell itself again where it is whole), and the mean of the four.
  const ox = rx * 3,
    oy = ry * gw * 3;
  const x0 = Math.max(0, -ix0),
    x1 = Math.min(gw, gw - ix0 - rx);
  let n = 0;
  for (let y = Math.max(0, -iy0); y < Math.min(gh, gh - iy0 - ry); y++) {
    const ya = y + iy0;
    // The head's columns in this row: b's own, and a's (in b's columns) where a tap falls in it.
    const inHeadB = y >= headB.y0 && y < headB.y1;
    const inHeadA = (ya >= headA.y0 && ya < headA.y1) || (ry === 1 && ya + 1 >= headA.y0 && ya + 1 < headA.y1);
    const runs = runsBetween(
      x0,
      x1,
      inHeadB ? headB.x0 : 0,
      inHeadB ? headB.x1 : 0,
      inHeadA ? headA.x0 - rx - ix0 : 0,
      inHeadA ? headA.x1 - ix0 : 0,
    );
    for (let r = 0; r < runs; r++) {
      const end = runEdges[2 * r + 1]!;
      for (
        let x = runEdges[2 * r]!, pb = (y * gw + x) * 3, p = (ya * gw + x + ix0) * 3;
        x < end;
        x++, pb += 3, p += 3
      ) {
        const out = n * 3;
        if (ox === 0 && oy === 0) {
          comparedA[out] = sceneA[p]!;
          comparedA[out + 1] = sceneA[p + 1]!;
          comparedA[out + 2] = sceneA[p + 2]!;
        } else {
          for (let c = 0; c < 3; c++) {
            comparedA[out + c] =
              (sceneA[p + c]! + sceneA[p + ox + c]! + sceneA[p + oy + c]! + sceneA[p + ox + oy + c]!) * 0.25;
          }
        }
        comparedB[out] = sceneB[pb]!;
        comparedB[out + 1] = sceneB[pb + 1]!;
        comparedB[out + 2] = sceneB[pb + 2]!;
        n++;
      }
    }
  }
  return n;
}

/** The runs written by runsBetween: start and end of each, in order. */
const runEdges = new Int32Array(6);

/**
 * The runs of [x0, x1) outside [c0, c1) and [d0, d1) (an empty range takes nothing out), written
 * to runEdges; returns how many: a row's background, the heads being rectangles taken out of the
 * grid.
 */
function runsBetween(x0: number, x1: number, c0: number, c1: number, d0: number, d1: number): number {
  let runs = 0,
    from = x0;
  const takeOut = (r0: number, r1: number) => {
    if (r0 >= r1) return;
    const end = Math.min(r0, x1);
    if (end > from) {
      runEdges[2 * runs] = from;
      runEdges[2 * runs + 1] = end;
      runs++;
    }
    if (r1 > from) from = r1;
  };
  if (c0 <= d0) {
    takeOut(c0, c1);
    takeOut(d0, d1);
  } else {
    takeOut(d0, d1);
    takeOut(c0, c1);
  }
  if (from < x1) {
    runEdges[2 * runs] = from;
    runEdges[2 * runs + 1] = x1;
    runs++;
  }
  return runs;
}

/** Around the face box, in face sizes, what the head, hair and a turn may cover: left out of the background. */
const HEAD_MARGIN = { side: 0.4, above: 0.5, below: 0.3 } as const;

/** A frame's background: the cells outside its head (the face box grown by HEAD_MARGIN). */
interface Background {
  /** The head's cells, a rectangle: columns [x0, x1) and rows [y0, y1), empty when either is. */
  head: { x0: number; x1: number; y0: number; y1: number };
  /** How many cells are background. */
  cells: number;
}

/**
 * A cell is in the head when its columns overlap the grown box across and its rows overlap it down:
 * each is a condition on one axis, met by one run of columns and one of rows (the cells' edges grow
 * along the axis), so the head is a rectangle.
 */
function backgroundOf(f: SceneFrame): Background {
  const { width: gw, height: gh } = SCENE_GRID;
  const columns = overlapping(gw, (x) => {
    const x0 = ((x / gw) * f.image.width - f.box.x) / f.box.width,
      x1 = (((x + 1) / gw) * f.image.width - f.box.x) / f.box.width;
    return !(x1 <= -HEAD_MARGIN.side || x0 >= 1 + HEAD_MARGIN.side);
  });
  const rows = overlapping(gh, (y) => {
    const y0 = ((y / gh) * f.image.height - f.box.y) / f.box.height,
      y1 = (((y + 1) / gh) * f.image.height - f.box.y) / f.box.height;
    return !(y1 <= -HEAD_MARGIN.above || y0 >= 1 + HEAD_MARGIN.below);
  });
  return {
    head: { x0: columns.from, x1: columns.to, y0: rows.from, y1: rows.to },
    cells: gw * gh - (columns.to - columns.from) * (rows.to - rows.from),
  };
}

/** The run of indices below `cells` that meet `overlaps` (from = to when none does). */
function overlapping(cells: number, overlaps: (i: number) => boolean): { from: number; to: number } {
  let from = 0;
  while (from < cells && !overlaps(from)) from++;
  let to = from;
  while (to < cells && overlaps(to)) to++;
  for (let i = to; i < cells; i++) {
    if (overlaps(i)) throw new Error('sceneChange: the head is not one run of cells along an axis');
  }
  return { from, to };
}
