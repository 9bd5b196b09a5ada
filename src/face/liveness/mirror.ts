/**
 * Is a turned frame the mirror image of a frame turned the other way? A head turned left, flipped,
 * looks like the same head turned right: an attacker with one turned photo makes both turns of a
 * challenge from it. A real head is not its own mirror: the parting, the moles, the light coming
 * from one side of the room, which stays on that side of the picture whichever way the head turns.
 *
 * Compared on the liveness thumbnails (the aligned chip's luma, 16 by 16): the alignment maps a
 * face and its mirror image to mirrored chips, so a mirrored frame's thumbnail, flipped, is the
 * other frame's. Measured as 1 minus the correlation of the two, so exposure does not matter.
 */
import { THUMBNAIL } from '../align/chip.js';

/** The thumbnail flipped left to right. */
export function flipped(thumbnail: Uint8Array): Uint8Array {
  const out = new Uint8Array(thumbnail.length);
  for (let y = 0; y < THUMBNAIL; y++)
    for (let x = 0; x < THUMBNAIL; x++) out[y * THUMBNAIL + x] = thumbnail[y * THUMBNAIL + THUMBNAIL - 1 - x];
  return out;
}

/** 1 minus the correlation of two thumbnails' luma: 0 for the same picture under any exposure, 1 for unrelated ones. */
export function thumbnailDissimilarity(a: Uint8Array, b: Uint8Array): number {
  const n = a.length;
  let sa = 0,
    sb = 0;
  for (let i = 0; i < n; i++) {
    sa += a[i];
    sb += b[i];
  }
  const ma = sa / n,
    mb = sb / n;
  let cov = 0,
    va = 0,
    vb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma,
      db = b[i] - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return va > 0 && vb > 0 ? 1 - cov / Math.sqrt(va * vb) : 1;
}

/**
 * The least dissimilarity between a frame turned one way, flipped, and a frame turned the other
 * way (left against right: the only moves a mirror turns into one another); Infinity when the burst
 * has no such pair.
 */
export function leastMirrorDissimilarity(
  thumbnails: readonly (Uint8Array | undefined)[],
  labels: readonly (string | undefined)[],
): number {
  const turned = (move: string) => thumbnails.flatMap((t, i) => (t && labels[i] === move ? [t] : [])) as Uint8Array[];
  const lefts = turned('left');
  const rights = turned('right').map(flipped);
  let least = Infinity;
  for (const l of lefts) for (const r of rights) least = Math.min(least, thumbnailDissimilarity(l, r));
  return least;
}
