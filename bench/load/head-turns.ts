/**
 * The bench's people turning their heads, for the phase with the liveness challenge. Each person's
 * demo photo is animated once (src/eval/liveness/animate.ts, as `facegate eval-liveness` animates
 * its bona fide people) through a library of clips: facing the camera, then each move and back.
 * A challenge's burst is put together from those clips, so a sign-in costs the bench no rendering
 * (a burst rendered afresh costs one to three seconds of the bench's CPU, which shares the machine
 * with the server). Only libraries whose bursts pass the liveness check, on a sample of challenges
 * checked here in-process, are kept: the bench measures the provider, not the animation.
 */
import { performerFrom, performFrames } from '../../src/eval/liveness/animate.js';
import { demoPortrait } from '../../src/eval/demo-faces.js';
import { faceDefaults } from '../../src/config/face-options.js';
import { FaceEngine } from '../../src/face/engine.js';
import { resolveEngineSpec } from '../../src/face/resolve-spec.js';
import { analyzeBurst } from '../../src/face/liveness/analyze-burst.js';
import { checkBurst } from '../../src/face/liveness/burst-check.js';
import { MOVES, randomTimeline, type Move, type Step } from '../../src/face/liveness/challenge.js';
import { livenessSettings } from '../../src/face/liveness/settings.js';
import type { Person } from './people.js';

/** A person who can answer any challenge with a burst. */
export interface HeadTurner {
  accountId: string;
  burst(steps: readonly Step[]): Buffer[];
}

/** The library's timeline: facing the camera, then each move held and back to the centre. */
const LIBRARY: Step[] = [
  { move: 'centre', frames: 2 },
  ...MOVES.flatMap((move): Step[] => [
    { move, frames: 4 },
    { move: 'centre', frames: 2 },
  ]),
];
const SEEDS = [1, 2, 3, 4, 5];
/** Every ordered pair of moves, at two splits each: the challenges a library is checked on. */
const CHECKED = MOVES.flatMap((first) =>
  MOVES.filter((m) => m !== first).flatMap((second) => [0, 1].map((k) => randomTimeline([first, second], () => k * 5))),
);

/** The people (people[i] is demo portrait i) whose head turns pass; `left` names those whose do not. */
export async function headTurners(people: readonly Person[]): Promise<{ turners: HeadTurner[]; left: string[] }> {
  // On this thread: the server under load has its own workers.
  const engine = await FaceEngine.start(
    resolveEngineSpec({ ...faceDefaults(), workers: 0 }, { baseDir: process.cwd() }),
  );
  try {
    const settings = livenessSettings(engine.spec.embedder);
    const turners: HeadTurner[] = [];
    const left: string[] = [];
    for (const [i, person] of people.entries()) {
      const performer = await performerFrom(engine, await demoPortrait(i), i);
      let turner: HeadTurner | undefined;
      for (const seed of performer ? SEEDS : []) {
        const candidate = clipsTurner(person.accountId, await performFrames(performer!, LIBRARY, seed));
        let passes = true;
        // One burst at a time: the engine on this thread queues few images.
        for (const steps of CHECKED) {
          const frames = await analyzeBurst(engine, candidate.burst(steps)).catch(() => []);
          passes &&= checkBurst(frames, steps, settings).kind === 'live';
          if (!passes) break;
        }
        if (passes) {
          turner = candidate;
          break;
        }
      }
      if (turner) turners.push(turner);
      else left.push(person.accountId);
    }
    return { turners, left };
  } finally {
    await engine.close();
  }
}

/** A burst for `steps` cut from the library's frames: each step's frames from the start of its clip. */
function clipsTurner(accountId: string, frames: Buffer[]): HeadTurner {
  const clips: Buffer[][] = [];
  let at = 0;
  for (const step of LIBRARY) {
    clips.push(frames.slice(at, at + step.frames));
    at += step.frames;
  }
  // The clip of each move, and the clip of coming back from it, by move.
  const clipOf = (move: Step['move'], back: boolean) => clips[1 + 2 * MOVES.indexOf(move as Move) + (back ? 1 : 0)]!;
  return {
    accountId,
    burst(steps) {
      const burst = clips[0]!.slice(0, steps[0]!.frames);
      for (let i = 1; i < steps.length; i += 2) {
        const move = steps[i]!;
        burst.push(
          ...clipOf(move.move, false).slice(0, move.frames),
          ...clipOf(move.move, true).slice(0, steps[i + 1]!.frames),
        );
      }
      return burst;
    },
  };
}
