/**
 * The liveness check measured like a presentation-attack-detection lab (ISO/IEC 30107-3):
 * APCER per attack type (the share of attack presentations accepted as live) and BPCER (the share
 * of bona fide presentations refused), with the server time a burst costs.
 */
import type { FaceEngine } from '../../face/engine.js';
import { analyzeBurst } from '../../face/liveness/analyze-burst.js';
import { checkBurst, type LivenessSettings } from '../../face/liveness/burst-check.js';
import { MOVES, randomMoves, type Move } from '../../face/liveness/challenge.js';
import { percentile } from '../../bench/percentiles.js';
import { ATTACK_TYPES, attackFrames, type AttackType } from './attacks.js';
import { bonaFideSequences, framed, posedPhotos } from './bona-fide.js';
import { faceCard } from './face-card.js';
import { timeline } from './timeline.js';

export interface Rate {
  presentations: number;
  /** Attacks accepted as live, or bona fide presentations refused. */
  errors: number;
  rate: number | null;
  /** Why presentations were refused, counted. */
  reasons: Record<string, number>;
}

export interface LivenessReport {
  apcer: Record<AttackType, Rate>;
  bpcer: (Rate & { people: number }) | null;
  burst_ms: { p50: number; p95: number; frames: number } | null;
}

export interface AttackPhoto {
  name: string;
  load(): Promise<Uint8Array>;
}

export interface LivenessEvalInput {
  engine: FaceEngine;
  settings: LivenessSettings;
  /** Photos to attack with, one presentation per attack type each. */
  attackPhotos: readonly AttackPhoto[];
  /** People with several photos each, for bona fide sequences. */
  people: readonly { name: string; photos: readonly string[] }[];
  seed: number;
  onProgress?: (done: number, total: number) => void;
}

/** A small deterministic generator, so a run can be repeated presentation for presentation. */
function seeded(seed: number): (max: number) => number {
  let state = seed >>> 0 || 1;
  return (max) => {
    state ^= state << 13; state >>>= 0; state ^= state >> 17; state ^= state << 5; state >>>= 0;
    return state % max;
  };
}

const emptyRate = (): Rate => ({ presentations: 0, errors: 0, rate: null, reasons: {} });

export async function evaluateLiveness(input: LivenessEvalInput): Promise<LivenessReport> {
  const random = seeded(input.seed);
  const apcer = Object.fromEntries(ATTACK_TYPES.map((t) => [t, emptyRate()])) as Record<AttackType, Rate>;
  const times: number[] = [];
  const bonaFideTimes: number[] = [];
  const total = input.attackPhotos.length * ATTACK_TYPES.length + input.people.length;
  let done = 0;

  for (const [index, source] of input.attackPhotos.entries()) {
    const photo = await faceCard(input.engine, await source.load());
    if (!photo) {
      input.onProgress?.((done += ATTACK_TYPES.length), total);
      continue;
    }
    for (const type of ATTACK_TYPES) {
      const moves = randomMoves(random);
      const frames = await attackFrames(type, photo, moves, input.seed + index);
      const started = performance.now();
      const verdict = await judge(input, frames, moves);
      times.push(performance.now() - started);
      tally(apcer[type], verdict.live, verdict.reason);
      input.onProgress?.(++done, total);
    }
  }

  const bpcer = { ...emptyRate(), people: 0 };
  for (const person of input.people) {
    const posed = await posedPhotos(input.engine, person.photos);
    const sequences = bonaFideSequences(posed, input.settings, allChallenges()).slice(0, MAX_SEQUENCES_PER_PERSON);
    for (const [s, { moves, sequence }] of sequences.entries()) {
      // Every frame rendered afresh (held poses differ by motion and noise from frame to frame).
      const frames = await Promise.all(sequence.map((photo, i) => framed(photo.bytes, input.seed * 7919 + s * 101 + i)));
      const started = performance.now();
      const verdict = await judge(input, frames, [...moves]);
      bonaFideTimes.push(performance.now() - started);
      tally(bpcer, !verdict.live, verdict.reason);
    }
    if (sequences.length > 0) bpcer.people++;
    input.onProgress?.(++done, total);
  }

  for (const rate of [...Object.values(apcer), bpcer]) rate.rate = rate.presentations ? rate.errors / rate.presentations : null;
  return {
    apcer,
    bpcer: bpcer.presentations ? bpcer : null,
    burst_ms: percentiles([...times, ...bonaFideTimes]),
  };
}

async function judge(input: LivenessEvalInput, frames: Buffer[], moves: readonly Move[]): Promise<{ live: boolean; reason?: string }> {
  try {
    const verdict = checkBurst(await analyzeBurst(input.engine, frames), moves, input.settings);
    return verdict.live ? { live: true } : { live: false, reason: verdict.reason };
  } catch (error) {
    return { live: false, reason: (error as { code?: string }).code ?? 'error' };
  }
}

function tally(rate: Rate, error: boolean, reason?: string): void {
  rate.presentations++;
  if (error) rate.errors++;
  if (reason) rate.reasons[reason] = (rate.reasons[reason] ?? 0) + 1;
}

/** Every ordered pair of distinct moves: the six challenges. */
function allChallenges(): Move[][] {
  return MOVES.flatMap((a) => MOVES.filter((b) => b !== a).map((b) => [a, b]));
}

/** Nearest-rank, as every bench reports them; a burst is as many frames as a two-move challenge's timeline. */
function percentiles(times: number[]): LivenessReport['burst_ms'] {
  if (times.length === 0) return null;
  const at = (p: number) => Math.round(percentile(times, p) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), frames: timeline(allChallenges()[0]!).length };
}

/** Sequences kept per person, so a person with many photos does not outweigh the others. */
const MAX_SEQUENCES_PER_PERSON = 2;
