/**
 * The presentations an evaluation makes, each a burst answering one challenge: the bona fide one
 * (the person animated from their photo, as they would be in front of a webcam) and the attacks,
 * each built as an adversary holding the victim's photos would build it, varied as they would vary
 * it (ISO/IEC 30107-3 calls each a presentation attack instrument):
 * - still, card, moved, phone: one photo shown flat (attacks.ts);
 * - mixed_identity: the victim facing the camera, someone else doing the moves; either each in
 *   their own scene, or in one scene, the victim's face pasted over the impostor's (face-paste.ts);
 * - collage: the victim's own photos, one per step (a turned one, mirrored for the other side);
 * - replayed: a genuine burst recorded for another challenge, sent as it is;
 * - reordered: a genuine burst recorded for a challenge with the same moves, its frames rearranged
 *   to fit this one's timeline (re-noised where one is used twice, so it is no exact repeat);
 * - animated_photo: another photo of the victim animated exactly as the bona fide ones are. This
 *   one is expected to pass: the check cannot tell a good animation from a person.
 */
import sharp from 'sharp';
import type { FaceEngine } from '../../face/engine.js';
import {
  MOVES,
  randomMoves,
  randomTimeline,
  stepOfFrames,
  type Move,
  type Step,
} from '../../face/liveness/challenge.js';
import { FRAME } from '../webcam-frame.js';
import type { Prng } from '../prng.js';
import { performerFrom, performFrames } from './animate.js';
import { FLAT_ATTACKS, flatAttackFrames, type FlatAttack } from './attacks.js';
import { pasteFace } from './face-paste.js';
import { framed, photosByPose, type PosedPhoto } from './posed-photos.js';
import type { Subject } from './subjects.js';

export const ATTACKS = [
  ...FLAT_ATTACKS,
  'mixed_identity',
  'collage',
  'replayed',
  'reordered',
  'animated_photo',
] as const;
export type Attack = (typeof ATTACKS)[number];

export interface Challenge {
  moves: Move[];
  steps: Step[];
}

export function randomChallenge(random: Prng, moves = randomMoves((n) => random.int(n))): Challenge {
  return { moves, steps: randomTimeline(moves, (n) => random.int(n)) };
}

/** The person themselves, following the challenge. */
export function bonaFide(victim: Subject, challenge: Challenge, seed: number): Promise<Buffer[]> {
  return performFrames(victim.performer, challenge.steps, seed);
}

export interface AttackPresentation {
  frames: Buffer[];
  /** Which way of building this attack was taken. */
  variant: string;
  /**
   * The challenge the frames answer, when the attacker asked for challenges until one fitted their
   * material (each ask costs an attempt of the sign-in's five: the attacker's to spend).
   */
  challenge?: Challenge;
}

/** An attack of `kind` on `victim` answering `challenge`, or undefined when their photos cannot make one (a collage without turned photos). */
export async function attack(
  kind: Attack,
  victim: Subject,
  impostor: Subject,
  challenge: Challenge,
  engine: FaceEngine,
  random: Prng,
): Promise<AttackPresentation | undefined> {
  const seed = random.int(2 ** 31);
  if ((FLAT_ATTACKS as readonly string[]).includes(kind)) {
    return { frames: await flatAttackFrames(kind as FlatAttack, victim.card, challenge.steps, seed), variant: kind };
  }
  switch (kind) {
    case 'mixed_identity':
      return random.chance(0.5)
        ? mixedInOwnScenes(victim, impostor, challenge, seed)
        : mixedInOneScene(victim, impostor, challenge, engine, seed);
    case 'collage':
      return collage(victim, challenge, engine, random);
    case 'replayed': {
      // A burst of another challenge: other moves, or the same moves on another timeline.
      let recorded = randomChallenge(random);
      while (sameChallenge(recorded, challenge)) recorded = randomChallenge(random);
      return {
        frames: await performFrames(victim.performer, recorded.steps, seed),
        variant: sameMoves(recorded, challenge) ? 'same moves, other timeline' : 'other moves',
      };
    }
    case 'reordered':
      return reordered(victim, challenge, random, seed);
    case 'animated_photo':
      return {
        frames: await performFrames(victim.animatedByAttacker, challenge.steps, seed),
        variant: victim.animatedByAttacker === victim.performer ? 'the same photo' : 'another photo',
      };
    default:
      throw new Error(`unknown attack ${kind}`);
  }
}

/** The victim animated for the frames facing the camera, the impostor animated for the moves: two rooms. */
async function mixedInOwnScenes(
  victim: Subject,
  impostor: Subject,
  challenge: Challenge,
  seed: number,
): Promise<AttackPresentation> {
  const [facing, moving] = await Promise.all([
    performFrames(victim.performer, challenge.steps, seed),
    performFrames(impostor.performer, challenge.steps, seed + 1),
  ]);
  const frames = stepOfFrames(challenge.steps).map(({ step }, i) => (step.move === 'centre' ? facing[i] : moving[i]));
  return { frames, variant: 'own scenes' };
}

/** The impostor performs in their room; in the frames facing the camera, the victim's face is pasted over theirs. */
async function mixedInOneScene(
  victim: Subject,
  impostor: Subject,
  challenge: Challenge,
  engine: FaceEngine,
  seed: number,
): Promise<AttackPresentation> {
  const performed = await performFrames(impostor.performer, challenge.steps, seed);
  const frames = await Promise.all(
    stepOfFrames(challenge.steps).map(async ({ step }, i) => {
      const frame = performed[i];
      if (step.move !== 'centre') return frame;
      const [face] = await engine.analyzeAll(frame).catch(() => []);
      return face?.landmarks68 ? pasteFace(frame, face.landmarks68, victim.donor) : frame;
    }),
  );
  return { frames, variant: 'one scene, face pasted' };
}

/**
 * The victim's photos, one for each step: frontal ones facing the camera (a different one at each
 * return when there are several), a turned one for each move. Each framed on grey, or each as a
 * room of its own.
 */
async function collage(
  victim: Subject,
  offered: Challenge,
  engine: FaceEngine,
  random: Prng,
): Promise<AttackPresentation | undefined> {
  const frontal = [...victim.posed].sort((a, b) => Math.abs(a.pose.x) - Math.abs(b.pose.x))[0];
  if (!frontal) return undefined;
  const byPose = photosByPose(victim.posed, frontal.pose, { yawThreshold: 0.2, pitchThreshold: 0.2 });
  const fits = (c: Challenge) => c.moves.every((m) => byPose.get(m)!.length > 0);
  // Photos of two moves or more answer some challenges: the attacker asks again until one comes.
  const coverable = MOVES.filter((m) => byPose.get(m)!.length > 0);
  if (coverable.length < 2) return undefined;
  const challenge = fits(offered)
    ? offered
    : randomChallenge(
        random,
        randomMoves((n) => random.int(n), 2, coverable),
      );
  const centres = byPose.get('centre')!.length ? byPose.get('centre')! : [frontal];
  const inScenes = random.chance(0.5);
  let back = 0;
  const photos = challenge.steps.map((step, s) =>
    step.move !== 'centre'
      ? random.pick(byPose.get(step.move)!)
      : s === 0
        ? centres[0]
        : centres[++back % centres.length],
  );
  // An attacker who knows of the mirror check stretches a mirror image across, 6 to 12%, which the
  // alignment (rotation, scale and shift only) cannot undo.
  const stretch = random.chance(0.5) ? 1.06 + 0.06 * random.next() : 1;
  const usesMirror = photos.some((p) => p.file.endsWith(' (mirrored)'));
  const stretched = new Map<PosedPhoto, PosedPhoto>();
  for (const p of photos)
    if (stretch > 1 && p.file.endsWith(' (mirrored)') && !stretched.has(p))
      stretched.set(p, { ...p, bytes: await stretchedAcross(p.bytes, stretch) });
  const frames: Buffer[] = [];
  for (const [s, step] of challenge.steps.entries()) {
    const photo = stretched.get(photos[s]) ?? photos[s];
    if (inScenes) {
      const room = await performerFrom(engine, photo.bytes, random.int(2 ** 31));
      const still = room && (await performFrames(room, [{ move: 'centre', frames: step.frames }], random.int(2 ** 31)));
      frames.push(
        ...(still ??
          (await Promise.all(Array.from({ length: step.frames }, () => framed(photo.bytes, random.int(2 ** 31)))))),
      );
    } else {
      for (let f = 0; f < step.frames; f++) frames.push(await framed(photo.bytes, random.int(2 ** 31)));
    }
  }
  const where = inScenes ? 'each photo its own room' : 'each photo framed on grey';
  const mirror = !usesMirror ? '' : stretch > 1 ? ', a mirror image stretched' : ', a mirror image';
  return { frames, variant: where + mirror, challenge };
}

/** The photo stretched across by `factor`, its height kept. */
async function stretchedAcross(photo: Uint8Array, factor: number): Promise<Uint8Array> {
  const { width = 0, height = 0 } = await sharp(photo).metadata();
  return sharp(photo)
    .resize({ width: Math.round(width * factor), height, fit: 'fill' })
    .jpeg({ quality: 92 })
    .toBuffer();
}

/**
 * A genuine burst of the same two moves on another timeline (or in the other order), rearranged:
 * for each step of this challenge, the recorded frames of that pose, in their order, a frame used
 * again re-noised and nudged by a pixel.
 */
async function reordered(
  victim: Subject,
  challenge: Challenge,
  random: Prng,
  seed: number,
): Promise<AttackPresentation> {
  let recorded = randomChallenge(random, random.chance(0.5) ? [...challenge.moves] : [...challenge.moves].reverse());
  while (sameChallenge(recorded, challenge)) recorded = randomChallenge(random, [...challenge.moves].reverse());
  const frames = await performFrames(victim.performer, recorded.steps, seed);
  const pools = new Map<string, Buffer[]>();
  stepOfFrames(recorded.steps).forEach(({ step, index }, i) => {
    // The opening frames stand apart: only they may open the rearranged burst.
    const key = index === 0 ? 'start' : step.move;
    pools.set(key, [...(pools.get(key) ?? []), frames[i]]);
  });
  const used = new Map<string, number>();
  const out: Buffer[] = [];
  for (const { step, index } of stepOfFrames(challenge.steps)) {
    const key = index === 0 ? 'start' : step.move === 'centre' && !pools.has('centre') ? 'start' : step.move;
    const pool = pools.get(key) ?? pools.get('start')!;
    const n = used.get(key) ?? 0;
    used.set(key, n + 1);
    const frame = pool[n % pool.length];
    out.push(n < pool.length ? frame : await renoised(frame, random));
  }
  return {
    frames: out,
    variant: sameMoves(recorded, challenge) ? 'same order, other timeline' : 'moves in the other order',
  };
}

/** The frame again, shifted by a pixel or two and with fresh noise: not an exact repeat. */
async function renoised(frame: Buffer, random: Prng): Promise<Buffer> {
  const { data } = await sharp(frame).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const dx = random.between(-2, 2),
    dy = random.between(-2, 2);
  const out = Buffer.alloc(data.length);
  for (let y = 0; y < FRAME.height; y++) {
    const sy = Math.min(FRAME.height - 1, Math.max(0, y - dy));
    for (let x = 0; x < FRAME.width; x++) {
      const sx = Math.min(FRAME.width - 1, Math.max(0, x - dx));
      for (let c = 0; c < 3; c++)
        out[(y * FRAME.width + x) * 3 + c] = Math.max(
          0,
          Math.min(255, data[(sy * FRAME.width + sx) * 3 + c] + Math.round(random.gaussian(2))),
        );
    }
  }
  return sharp(out, { raw: { width: FRAME.width, height: FRAME.height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

function sameMoves(a: Challenge, b: Challenge): boolean {
  return a.moves.length === b.moves.length && a.moves.every((m, i) => m === b.moves[i]);
}

function sameChallenge(a: Challenge, b: Challenge): boolean {
  return (
    sameMoves(a, b) &&
    a.steps.length === b.steps.length &&
    a.steps.every((s, i) => s.move === b.steps[i].move && s.frames === b.steps[i].frames)
  );
}
