/**
 * LFW's pairs format: a first line with counts, then `Name i j` (the same person) or
 * `Name1 i Name2 j` (two people); image i of Name is DIR/Name/Name_000i.jpg (four digits).
 */
import { join } from 'node:path';
import { FacegateError } from '../errors.js';

export interface ImagePair {
  genuine: boolean;
  a: string;
  b: string;
}

export class PairsFormatError extends FacegateError {
  constructor(message: string) {
    super('pairs_format', message);
  }
}

export function lfwImagePath(dir: string, name: string, index: number): string {
  return join(dir, name, `${name}_${String(index).padStart(4, '0')}.jpg`);
}

export function parseLfwPairs(text: string, imagesDir: string): ImagePair[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const pairs: ImagePair[] = [];
  lines.forEach((line, i) => {
    const f = line.split(/\s+/);
    if (i === 0 && f.every((x) => /^\d+$/.test(x))) return; // the header: counts
    const index = (s: string) => {
      if (!/^\d+$/.test(s)) throw new PairsFormatError(`line ${i + 1}: "${s}" is not an image number: "${line}"`);
      return Number(s);
    };
    if (f.length === 3) {
      pairs.push({
        genuine: true,
        a: lfwImagePath(imagesDir, f[0], index(f[1])),
        b: lfwImagePath(imagesDir, f[0], index(f[2])),
      });
    } else if (f.length === 4) {
      pairs.push({
        genuine: false,
        a: lfwImagePath(imagesDir, f[0], index(f[1])),
        b: lfwImagePath(imagesDir, f[2], index(f[3])),
      });
    } else {
      throw new PairsFormatError(`line ${i + 1}: expected "Name i j" or "Name1 i Name2 j", got "${line}"`);
    }
  });
  if (pairs.length === 0) throw new PairsFormatError('no pairs found');
  return pairs;
}

/** Identity of an LFW image path: its folder name. */
export function lfwIdentity(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 2];
}

/**
 * One half of a pairs list, split by person at `name` in LFW's (alphabetical) order: people before
 * it, or from it on. The half keeps the pairs whose people are all on its side, and every image of
 * its people that the list names (for the all-pairs figures, including those of pairs that cross
 * the split). Two halves share no person, so a choice made on one can be judged on the other.
 */
export function peopleHalf(
  pairs: readonly ImagePair[],
  side: { before: string } | { from: string },
): { pairs: ImagePair[]; images: string[] } {
  const keep =
    'before' in side
      ? (path: string) => lfwIdentity(path) < side.before
      : (path: string) => lfwIdentity(path) >= side.from;
  return {
    pairs: pairs.filter((p) => keep(p.a) && keep(p.b)),
    images: [...new Set(pairs.flatMap((p) => [p.a, p.b]))].filter(keep),
  };
}
