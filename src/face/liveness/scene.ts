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

/** The picture's mean colour in each cell of SCENE_GRID, row-major RGB. */
export function sampleScene(image: RgbImage): Uint8Array {
  const { width: gw, height: gh } = SCENE_GRID;
  const sums = new Float64Array(gw * gh * 3);
  const counts = new Uint32Array(gw * gh);
  const { width, height, data } = image;
  for (let y = 0; y < height; y++) {
    const row = Math.min(gh - 1, Math.floor((y * gh) / height)) * gw;
    for (let x = 0; x < width; x++) {
      const cell = row + Math.min(gw - 1, Math.floor((x * gw) / width));
      const p = (y * width + x) * 3;
      sums[cell * 3] += data[p]!;
      sums[cell * 3 + 1] += data[p + 1]!;
      sums[cell * 3 + 2] += data[p + 2]!;
      counts[cell]++;
    }
  }
  const out = new Uint8Array(gw * gh * 3);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(sums[i]! / Math.max(1, counts[Math.floor(i / 3)]!));
  return out;
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
  /** How far the face box's centre moved against the background, in face widths. */
  shift: number;
  /** How much the face box grew or shrank (log of the width ratio, either way). */
  resize: number;
  /** The share of the picture left as background: too little, and `background` says little. */
  backgroundShare: number;
}

/** A level added to every channel's mean before gains and changes are measured. */
const DARK = 24;
/** Camera moves looked for between two frames, in cells each way (then refined to half a cell). */
const MAX_CAMERA_SHIFT = 6;

/** How the scene changed from frame `a` to frame `b`. */
export function sceneChange(a: SceneFrame, b: SceneFrame): SceneChange {
  const inA = new Set(backgroundCells(a));
  const cellsB = backgroundCells(b);
  // The camera's move: the best whole-cell shift, then the best half-cell step around it.
  type Best = NonNullable<ReturnType<typeof compareShifted>> & { dx: number; dy: number };
  let best: Best | undefined;
  const tryShift = (dx: number, dy: number) => {
    const compared = compareShifted(a, b, inA, cellsB, dx, dy);
    if (compared && (!best || compared.residual < best.residual)) best = { ...compared, dx, dy };
  };
  for (let dy = -MAX_CAMERA_SHIFT; dy <= MAX_CAMERA_SHIFT; dy++) for (let dx = -MAX_CAMERA_SHIFT; dx <= MAX_CAMERA_SHIFT; dx++) tryShift(dx, dy);
  const whole = best as Best | undefined;
  if (whole) for (const [ddx, ddy] of [[-0.5, 0], [0.5, 0], [0, -0.5], [0, 0.5], [-0.5, -0.5], [0.5, 0.5], [-0.5, 0.5], [0.5, -0.5]]) tryShift(whole.dx + ddx!, whole.dy + ddy!);
  const { width: gw, height: gh } = SCENE_GRID;
  const wa = a.box.width / a.image.width, wb = b.box.width / b.image.width;
  // The face's move against the room: the camera's own move (dx, dy cells) taken out.
  const cx = (f: SceneFrame) => (f.box.x + f.box.width / 2) / f.image.width;
  const cy = (f: SceneFrame) => (f.box.y + f.box.height / 2) / f.image.height;
  const moveX = (cx(b) - cx(a) - (best?.dx ?? 0) / gw) * b.image.width;
  const moveY = (cy(b) - cy(a) - (best?.dy ?? 0) / gh) * b.image.height;
  return {
    gain: best ? Math.max(...best.gain.map((g) => Math.abs(Math.log(g)))) : 0,
    background: best ? best.unlike : 1,
    shift: Math.hypot(moveX, moveY) / Math.max(1, (a.box.width + b.box.width) / 2),
    resize: Math.abs(Math.log(wb / wa)),
    backgroundShare: Math.min(inA.size, cellsB.length) / (gw * gh),
  };
}

/**
 * Frame b's background cells against frame a's picture moved by (dx, dy) cells (bilinear between
 * cells), gain undone: the mean residual and how many cells changed. Undefined when too few
 * background cells of b land on a's background.
 */
function compareShifted(a: SceneFrame, b: SceneFrame, backgroundA: Set<number>, cellsB: readonly number[], dx: number, dy: number) {
  const { width: gw, height: gh } = SCENE_GRID;
  const pairs: { cell: number; from: number[] }[] = [];
  for (const cell of cellsB) {
    const x = (cell % gw) - dx, y = Math.floor(cell / gw) - dy;
    const x0 = Math.floor(x), y0 = Math.floor(y);
    if (x0 < 0 || y0 < 0 || x0 + 1 >= gw || y0 + 1 >= gh) continue;
    const corners = [y0 * gw + x0, y0 * gw + x0 + 1, (y0 + 1) * gw + x0, (y0 + 1) * gw + x0 + 1];
    if (!corners.every((c) => backgroundA.has(c))) continue;
    const fx = x - x0, fy = y - y0;
    const w = [(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy];
    pairs.push({ cell, from: [0, 1, 2].map((c) => corners.reduce((sum, k, i) => sum + w[i]! * a.scene[k * 3 + c]!, 0)) });
  }
  if (pairs.length < MIN_COMPARED_CELLS) return undefined;
  const sumA = [0, 0, 0], sumB = [0, 0, 0];
  for (const { cell, from } of pairs) for (let c = 0; c < 3; c++) { sumA[c] += from[c]!; sumB[c] += b.scene[cell * 3 + c]!; }
  // Levels are offset by DARK, so that a nearly black room does not turn sensor noise into large gains.
  const gain = sumB.map((v, c) => (v + DARK * pairs.length) / (sumA[c]! + DARK * pairs.length));
  const level = (sumB[0]! + sumB[1]! + sumB[2]!) / (3 * pairs.length) + DARK;
  let residual = 0;
  for (const { cell, from } of pairs) for (let c = 0; c < 3; c++) residual += Math.abs(b.scene[cell * 3 + c]! - gain[c]! * from[c]!);
  return { residual: residual / (3 * pairs.length * level), unlike: 1 - correlation(pairs, b, sumA, sumB), gain };
}

/**
 * How alike two backgrounds' patterns are: the correlation of the cells' colours, each channel
 * about its own mean (so exposure and white balance do not count). Two plain walls are alike; a
 * plain wall and a patterned room are not.
 */
function correlation(pairs: readonly { cell: number; from: number[] }[], b: SceneFrame, sumA: number[], sumB: number[]): number {
  let product = 0, varA = 0, varB = 0;
  for (const { cell, from } of pairs) {
    for (let c = 0; c < 3; c++) {
      const da = from[c]! - sumA[c]! / pairs.length, db = b.scene[cell * 3 + c]! - sumB[c]! / pairs.length;
      product += da * db; varA += da * da; varB += db * db;
    }
  }
  const n = 3 * pairs.length;
  const [plainA, plainB] = [varA / n < PLAIN ** 2, varB / n < PLAIN ** 2];
  if (plainA && plainB) return 1;
  if (plainA || plainB) return 0;
  return product / Math.sqrt(varA * varB);
}

/** A background whose cells vary by less than this (standard deviation, in levels) is a plain wall. */
const PLAIN = 4;

/** Fewer background cells than this in common, and two frames cannot be compared (a face too close). */
const MIN_COMPARED_CELLS = 60;

/** Around the face box, in face sizes, what the head, hair and a turn may cover: left out of the background. */
const HEAD_MARGIN = { side: 0.4, above: 0.5, below: 0.3 } as const;

/** The cells of a frame outside its head (the face box grown by HEAD_MARGIN). */
function backgroundCells(f: SceneFrame): number[] {
  return cellsWhere(f, (x0, x1, y0, y1) =>
    x1 <= -HEAD_MARGIN.side || x0 >= 1 + HEAD_MARGIN.side || y1 <= -HEAD_MARGIN.above || y0 >= 1 + HEAD_MARGIN.below);
}

/** The cells of the grid whose edges, in face-box units (0..1 across the box), pass `inside`. */
function cellsWhere(f: SceneFrame, inside: (x0: number, x1: number, y0: number, y1: number) => boolean): number[] {
  const { width: gw, height: gh } = SCENE_GRID;
  const cells: number[] = [];
  for (let y = 0; y < gh; y++) {
    const y0 = ((y / gh) * f.image.height - f.box.y) / f.box.height, y1 = (((y + 1) / gh) * f.image.height - f.box.y) / f.box.height;
    for (let x = 0; x < gw; x++) {
      const x0 = ((x / gw) * f.image.width - f.box.x) / f.box.width, x1 = (((x + 1) / gw) * f.image.width - f.box.x) / f.box.width;
      if (inside(x0, x1, y0, y1)) cells.push(y * gw + x);
    }
  }
  return cells;
}
