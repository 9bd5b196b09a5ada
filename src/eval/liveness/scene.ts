/**
 * A 640x480 camera frame with a flat picture in it, seen in perspective: the picture is a card
 * of some size at some distance, turned (yaw) and tilted (pitch), optionally inside a phone's
 * bezel with glare on it. Used to render presentation attacks the way a camera would see them.
 */
import sharp from 'sharp';
import { FRAME } from '../webcam-frame.js';
import { applyHomography, homographyFrom, invertHomography, type P2 } from './homography.js';

const FOCAL = 600;
const BACKGROUND = [96, 92, 88];

export interface CardPose {
  /** Degrees; positive turns the card's right edge away. */
  yaw: number;
  /** Degrees; positive tilts the top away. */
  pitch: number;
  /** Centre offset in the frame, in pixels at the card's distance. */
  dx: number;
  dy: number;
  /** Card height in the frame when facing the camera, in pixels. */
  height: number;
}

export interface RgbRaster {
  width: number;
  height: number;
  data: Uint8Array;
}

export async function rasterOf(image: Uint8Array): Promise<RgbRaster> {
  const { data, info } = await sharp(image).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

/** Where the card's corners land in the frame. */
export function projectCard(card: RgbRaster, pose: CardPose): P2[] {
  const aspect = card.width / card.height;
  const distance = 1000;
  const h = (pose.height * distance) / FOCAL;
  const w = h * aspect;
  const yaw = (pose.yaw * Math.PI) / 180;
  const pitch = (pose.pitch * Math.PI) / 180;
  const corners: [number, number][] = [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ];
  return corners.map(([x, y]) => {
    // Tilt about the horizontal axis, then turn about the vertical one, then place it.
    const y1 = y * Math.cos(pitch);
    const z1 = y * Math.sin(pitch);
    const x2 = x * Math.cos(yaw) + z1 * Math.sin(yaw);
    const z2 = -x * Math.sin(yaw) + z1 * Math.cos(yaw);
    const X = x2 + (pose.dx * distance) / FOCAL;
    const Y = y1 + (pose.dy * distance) / FOCAL;
    const Z = distance + z2;
    return [FRAME.width / 2 + (FOCAL * X) / Z, FRAME.height / 2 + (FOCAL * Y) / Z] as const;
  });
}

/** The frame: background, then the card drawn through the homography (bilinear sampling). */
export function renderCard(
  card: RgbRaster,
  pose: CardPose,
  options: { glare?: number; noiseSeed?: number } = {},
): Uint8Array {
  const source: P2[] = [
    [0, 0],
    [card.width, 0],
    [card.width, card.height],
    [0, card.height],
  ];
  const toCard = invertHomography(homographyFrom(source, projectCard(card, pose)));
  const out = new Uint8Array(FRAME.width * FRAME.height * 3);
  let seed = options.noiseSeed ?? 0;
  const noise = () => {
    if (!options.noiseSeed) return 0;
    seed = (seed * 1103515245 + 12345) >>> 0;
    return ((seed >>> 16) % 7) - 3;
  };
  for (let v = 0; v < FRAME.height; v++) {
    for (let u = 0; u < FRAME.width; u++) {
      const [x, y] = applyHomography(toCard, [u + 0.5, v + 0.5]);
      const o = (v * FRAME.width + u) * 3;
      const inside = x >= 0 && y >= 0 && x < card.width - 1 && y < card.height - 1;
      for (let c = 0; c < 3; c++) {
        let value = BACKGROUND[c];
        if (inside) {
          const x0 = Math.floor(x),
            y0 = Math.floor(y),
            fx = x - x0,
            fy = y - y0;
          const p = (y0 * card.width + x0) * 3 + c;
          const row = card.width * 3;
          value =
            (card.data[p] * (1 - fx) + card.data[p + 3] * fx) * (1 - fy) +
            (card.data[p + row] * (1 - fx) + card.data[p + row + 3] * fx) * fy;
          if (options.glare) {
            // A soft diagonal band of reflected light across the screen.
            const band = Math.exp(-((x / card.width + y / card.height - 0.8) ** 2) / 0.02);
            value = value + (255 - value) * options.glare * band;
          }
        }
        out[o + c] = Math.max(0, Math.min(255, Math.round(value + noise())));
      }
    }
  }
  return out;
}

export function encodeFrame(rgb: Uint8Array): Promise<Buffer> {
  return sharp(rgb, { raw: { width: FRAME.width, height: FRAME.height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** The photo inside a phone: a dark bezel around it, as the card to render. */
export function inPhone(photo: RgbRaster): RgbRaster {
  const border = Math.round(Math.max(photo.width, photo.height) * 0.06);
  const width = photo.width + 2 * border;
  const height = photo.height + 4 * border;
  const data = new Uint8Array(width * height * 3).fill(18);
  for (let y = 0; y < photo.height; y++) {
    data.set(
      photo.data.subarray(y * photo.width * 3, (y + 1) * photo.width * 3),
      ((y + 2 * border) * width + border) * 3,
    );
  }
  return { width, height, data };
}
