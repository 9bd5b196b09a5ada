/**
 * A real head turning, for the liveness tests: one person of ../shared/faces whose photos (and
 * their mirror images) hold the poses a challenge asks for, found the way `facegate eval-liveness`
 * finds its bona fide sequences. Undefined when ../shared/faces is absent or nobody fits.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FaceEngine } from '../../src/face/engine.js';
import type { Move } from '../../src/face/liveness/challenge.js';
import { livenessSettings } from '../../src/face/liveness/settings.js';
import { analyzeBurst } from '../../src/face/liveness/analyze-burst.js';
import { checkBurst } from '../../src/face/liveness/burst-check.js';
import { bonaFideSequences, framed, posedPhotos, type PosedPhoto } from '../../src/eval/liveness/bona-fide.js';
import { findSharedData } from '../../src/bench/face/shared-data.js';

export const sharedFaces = join(findSharedData().searched, 'faces');
export const sharedFacesMissing = `head-turn tests skipped: ${sharedFaces} is absent (the bona fide head turns are built from its photos)`;

export interface HeadTurn {
  person: string;
  /** The photo for every frame of the page's timeline for these moves. */
  sequence: PosedPhoto[];
}

export async function findHeadTurn(engine: FaceEngine, moves: readonly Move[]): Promise<HeadTurn | undefined> {
  if (!existsSync(sharedFaces)) return undefined;
  const settings = livenessSettings(engine.spec.embedder.metric, engine.spec.embedder.sameFaceDistance);
  const people = readdirSync(sharedFaces, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('_')).map((d) => d.name);
  for (const person of people.sort()) {
    const files = readdirSync(join(sharedFaces, person)).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).map((f) => join(sharedFaces, person, f));
    if (files.length < 3) continue;
    const [found] = bonaFideSequences(await posedPhotos(engine, files), settings, [moves]);
    if (!found) continue;
    // Some press photos show a second face at their edge: keep a sequence only if it checks out whole.
    const turn = { person, sequence: found.sequence };
    const analyses = await analyzeBurst(engine, await headTurnFrames(turn)).catch(() => []);
    if (checkBurst(analyses, moves, settings).live) return turn;
  }
  return undefined;
}

/** The sequence's frames as a webcam would give them (each a little different from the last). */
export function headTurnFrames(turn: HeadTurn, seed = 1): Promise<Buffer[]> {
  return Promise.all(turn.sequence.map((photo, i) => framed(photo.bytes, seed * 1000 + i)));
}

/** A challenge picker that always asks for `moves` (FacegateOptions.challengeMoves). */
export function askFor(moves: readonly Move[]): (max: number) => number {
  const pool: Move[] = ['left', 'right', 'up'];
  let next = 0;
  return () => {
    const move = moves[next++ % moves.length]!;
    const index = pool.indexOf(move);
    pool.splice(index, 1);
    if (pool.length === 1) pool.splice(0, pool.length, 'left', 'right', 'up');
    return index;
  };
}
