/**
 * The passive presentation-attack model measured as far as it can be here (ISO/IEC 30107-3 terms):
 * BPCER, the share of bona fide presentations refused, on real photos framed as webcam frames
 * (framings.ts), at candidate thresholds; a threshold
 * chosen on one set of photos and reported on another. Its APCER against re-captured prints and
 * screens cannot be measured: the attacks here are rendered (src/eval/liveness/attacks.ts), not
 * filmed, and how the model scores them is information, not evidence.
 */
import { readFile } from 'node:fs/promises';
import { mapInLanes } from '../lanes.js';
import type { FaceEngine } from '../../face/engine.js';
import { FaceError } from '../../face/errors.js';
import { analyzeBurst } from '../../face/liveness/analyze-burst.js';
import { MOVES, randomTimeline, type Move } from '../../face/liveness/challenge.js';
import { medianLiveScore } from '../../face/presentation-attack/judge.js';
import { FLAT_ATTACKS, flatAttackFrames, type FlatAttack } from '../liveness/attacks.js';
import { faceCard } from '../liveness/face-card.js';
import { FRAMINGS, type Framing } from './framings.js';

/** Thresholds on the live score the report tries. */
export const CANDIDATE_THRESHOLDS = [
  0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5,
] as const;

export interface ScoredPhotos {
  photos: number;
  /** The live score of each photo the engine found one face in, single-frame sign-in checks passed. */
  scores: number[];
  /** Photos refused before the model could judge them (no_face, several_faces, ...), by code. */
  refusedBefore: Record<string, number>;
  /** The model's own time per frame, in milliseconds. */
  modelMs: number[];
}

/** Each photo as one webcam frame, analysed as a single-frame sign-in analyses it. */
export async function scorePhotos(
  engine: FaceEngine,
  files: readonly string[],
  framing: Framing,
  seed: number,
  onProgress?: (done: number, total: number) => void,
): Promise<ScoredPhotos> {
  const results = await mapInLanes(
    files.map((file, i) => ({ file, seed: seed * 100_003 + i })),
    Math.max(1, engine.spec.workers) + 1,
    async ({ file, seed }) => {
      try {
        const analysis = await engine.analyze(await FRAMINGS[framing](await readFile(file), seed));
        return { score: analysis.liveScore!, ms: analysis.timings.presentationAttack! };
      } catch (error) {
        return error instanceof FaceError ? error.code : 'unreadable';
      }
    },
    onProgress,
  );
  const scored: ScoredPhotos = { photos: files.length, scores: [], refusedBefore: {}, modelMs: [] };
  for (const result of results) {
    if (typeof result === 'string') scored.refusedBefore[result] = (scored.refusedBefore[result] ?? 0) + 1;
    else {
      scored.scores.push(result.score);
      scored.modelMs.push(result.ms);
    }
  }
  return scored;
}

/** The share of scores the threshold refuses (below it): BPCER on bona fide scores, 1 - APCER on attack scores. */
export function refusedShare(scores: readonly number[], threshold: number): number {
  return scores.length === 0 ? NaN : scores.filter((s) => s < threshold).length / scores.length;
}

/** The strictest candidate that refuses at most `maxRefused` of the bona fide scores, or null when none does. */
export function chooseThreshold(
  scores: readonly number[],
  maxRefused: number,
  candidates: readonly number[] = CANDIDATE_THRESHOLDS,
): number | null {
  const fitting = candidates.filter((t) => refusedShare(scores, t) <= maxRefused);
  return fitting.length ? Math.max(...fitting) : null;
}

/** A photo to render attacks from. */
export interface AttackPhoto {
  name: string;
  load(): Promise<Uint8Array>;
}

export interface RenderedAttackScores {
  /** Per attack type, each burst's median live score (the sign-in decision's score). */
  scores: Record<FlatAttack, number[]>;
  /** Bursts the engine refused before the model judged them, by code. */
  refusedBefore: Record<string, number>;
}

/** Each photo rendered as each attack of src/eval/liveness/attacks.ts (a 10-frame burst), scored as a sign-in scores a burst. */
export async function scoreRenderedAttacks(
  engine: FaceEngine,
  photos: readonly AttackPhoto[],
  seed: number,
  onProgress?: (done: number, total: number) => void,
): Promise<RenderedAttackScores> {
  const out: RenderedAttackScores = {
    scores: Object.fromEntries(FLAT_ATTACKS.map((t) => [t, []])) as unknown as Record<FlatAttack, number[]>,
    refusedBefore: {},
  };
  const total = photos.length * FLAT_ATTACKS.length;
  let done = 0;
  for (const [index, source] of photos.entries()) {
    const card = await faceCard(engine, await source.load());
    for (const type of FLAT_ATTACKS) {
      onProgress?.(++done, total);
      if (!card) continue;
      const moves: Move[] = [MOVES[index % 3], MOVES[(index + 1) % 3]];
      try {
        const frames = await flatAttackFrames(
          type,
          card,
          randomTimeline(moves, () => 0),
          seed + index,
        );
        const analyses = (await analyzeBurst(engine, frames)).filter((a) => a !== undefined);
        if (analyses.length > 0) out.scores[type].push(medianLiveScore(analyses));
        else out.refusedBefore.no_face = (out.refusedBefore.no_face ?? 0) + 1;
      } catch (error) {
        const code = error instanceof FaceError ? error.code : 'error';
        out.refusedBefore[code] = (out.refusedBefore[code] ?? 0) + 1;
      }
    }
  }
  return out;
}
