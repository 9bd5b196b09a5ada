/**
 * Liveness bursts and single snapshots arriving at random, as a server sees them: an open loop, each
 * started at its time whatever the engine's pace. What a snapshot waits beside the bursts queued
 * before it, and what a burst waits for the snapshots let past it (src/face/waiting-images.ts).
 *
 * The rates are a share of the workers' capacity at one frame's p50 measured alone (bursts two
 * thirds of the images, snapshots a third), so the load is alike on any machine; frames run slower
 * two at a time, so the engine is busier than that share says. Or they are given (bursts a second,
 * five snapshots for each). The arrival times come from a fixed seed: at the same rates, two trees
 * timed one after the other see the same sequence.
 */
import type { FaceEngine } from '../../src/face/engine.js';
import { FaceError } from '../../src/face/errors.js';
import { analyzeBurst } from '../../src/face/liveness/analyze-burst.js';
import { round } from '../../src/face/round.js';
import { summarise, type LatencySummary } from '../../test/support/latency-summary.js';

/** The share of the workers' capacity (at one frame alone) the arrivals ask for. */
const LOAD_SHARE = 0.6;
const BURST_SHARE_OF_IMAGES = 2 / 3;
const SEED = 20261205;

export interface MixedArrivals {
  seconds: number;
  /** The share of the workers' capacity asked for; null when the rates were given (--arrivals). */
  load_share: number | null;
  bursts_per_s: number;
  snapshots_per_s: number;
  /** From arrival to answer: a snapshot (engine.analyze), a whole burst (analyzeBurst). */
  snapshot: LatencySummary;
  burst: LatencySummary;
  /** Refused at once as busy (the queue had no room). */
  busy: { snapshots: number; bursts: number };
}

interface Arrival {
  at: number;
  kind: 'burst' | 'snapshot';
}

export interface ArrivalOptions {
  /** One frame's p50 alone, from which the rates are set when not given. */
  oneFrameMs: number;
  burstsPerSecond?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function measureMixedArrivals(
  engine: FaceEngine,
  bursts: readonly Buffer[][],
  seconds: number,
  { oneFrameMs, burstsPerSecond: given, onProgress }: ArrivalOptions,
): Promise<MixedArrivals> {
  const framesPerBurst = bursts[0]!.length;
  const imagesPerSecond = (LOAD_SHARE * Math.max(1, engine.spec.workers) * 1000) / oneFrameMs;
  const burstsPerSecond = given ?? (imagesPerSecond * BURST_SHARE_OF_IMAGES) / framesPerBurst;
  const snapshotsPerSecond = given
    ? (given * framesPerBurst * (1 - BURST_SHARE_OF_IMAGES)) / BURST_SHARE_OF_IMAGES
    : imagesPerSecond * (1 - BURST_SHARE_OF_IMAGES);
  const random = seededRandom(SEED);
  const arrivals = [
    ...poissonTimes(burstsPerSecond, seconds, random).map((at) => ({ at, kind: 'burst' as const })),
    ...poissonTimes(snapshotsPerSecond, seconds, random).map((at) => ({ at, kind: 'snapshot' as const })),
  ].sort((p, q) => p.at - q.at);
  const frames = bursts.flat();

  const waited = { burst: [] as number[], snapshot: [] as number[] };
  const busy = { bursts: 0, snapshots: 0 };
  const answered: Promise<void>[] = [];
  const started = performance.now();
  for (const [i, arrival] of arrivals.entries()) {
    const delay = started + arrival.at * 1000 - performance.now();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    onProgress?.(Math.floor(arrival.at), seconds);
    answered.push(timed(engine, arrival, i, bursts, frames, waited, busy));
  }
  await Promise.all(answered);
  return {
    seconds,
    load_share: given ? null : LOAD_SHARE,
    bursts_per_s: round(burstsPerSecond, 2),
    snapshots_per_s: round(snapshotsPerSecond, 2),
    snapshot: summarise(waited.snapshot),
    burst: summarise(waited.burst),
    busy,
  };
}

async function timed(
  engine: FaceEngine,
  arrival: Arrival,
  i: number,
  bursts: readonly Buffer[][],
  frames: readonly Buffer[],
  waited: Record<Arrival['kind'], number[]>,
  busy: MixedArrivals['busy'],
): Promise<void> {
  const t0 = performance.now();
  try {
    if (arrival.kind === 'burst') await analyzeBurst(engine, bursts[i % bursts.length]!);
    // A snapshot the engine refuses (a turned head, say) was still answered: its wait counts.
    else await engine.analyze(frames[i % frames.length]!).catch(rethrowBusy);
    waited[arrival.kind].push(performance.now() - t0);
  } catch (error) {
    if (!(error instanceof FaceError && error.code === 'busy')) throw error;
    if (arrival.kind === 'burst') busy.bursts++;
    else busy.snapshots++;
  }
}

function rethrowBusy(error: unknown): void {
  if (error instanceof FaceError && error.code === 'busy') throw error;
}

/** Arrival times in [0, seconds) at `rate` a second; at least one, at 0, so each kind has a figure. */
function poissonTimes(rate: number, seconds: number, random: () => number): number[] {
  const times = [0];
  for (let t = -Math.log(1 - random()) / rate; t < seconds; t += -Math.log(1 - random()) / rate) times.push(t);
  return times;
}

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
