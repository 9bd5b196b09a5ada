/**
 * The liveness burst as the server runs it: a 10-frame burst analysed on the engine's workers
 * (analyzeBurst), then the liveness check on the calling thread (checkBurst), beside one frame
 * analysed alone. Per stage, a burst's figure is the sum over its frames of each frame's stage
 * time: the work the workers did, which their parallelism divides on the wall clock.
 * The bursts are face-api's demo faces (an npm fixture) animated turning their heads, as
 * `facegate eval-liveness` animates its bona fide people.
 */
import type { FaceEngine } from '../../src/face/engine.js';
import { demoPortrait, SAMPLE_FACES } from '../../src/eval/demo-faces.js';
import { performerFrom, performFrames } from '../../src/eval/liveness/animate.js';
import { analyzeBurst } from '../../src/face/liveness/analyze-burst.js';
import { checkBurst } from '../../src/face/liveness/burst-check.js';
import { framesOf, timelineSplits, type Step } from '../../src/face/liveness/challenge.js';
import { livenessSettings } from '../../src/face/liveness/settings.js';
import type { FaceAnalysis, StageTimings } from '../../src/face/pipeline.js';
import { summarise, type LatencySummary } from '../../test/support/latency-summary.js';
import { timedLoop, type LoopOptions } from '../timed-loop.js';

export const BURST_LENGTH = 10;

/** The stages of a burst frame: landmarks and the chip's thumbnail are part of align; the scene sample comes after embed. */
export const BURST_STAGES = ['decode', 'detect', 'landmarks', 'align', 'embed', 'scene'] as const;
export type BurstStage = (typeof BURST_STAGES)[number];

export interface BurstLatency {
  frames: number;
  bursts: number;
  /** One frame, analysed alone (engine.analyzeFrame), as a caller sees it. */
  one_frame: LatencySummary;
  /** A whole burst on the workers (analyzeBurst), as a caller sees it. */
  burst: LatencySummary;
  /** burst p50 minus one_frame p50: what the burst costs beyond one frame. */
  added_p50_ms: number;
  /** checkBurst over an analysed burst, on the calling thread (the HTTP thread in the server). */
  check: LatencySummary;
  /** Per stage: one frame's, and the sum over a burst's frames. */
  stages_one_frame: Record<BurstStage, LatencySummary>;
  stages_burst: Record<BurstStage, LatencySummary>;
}

/** A 10-frame timeline: two frames facing the camera, a turn left, back, a turn right, back. */
export function tenFrameTimeline(): Step[] {
  const split = timelineSplits(2).find((s) => framesOf(stepsOf(s)) === BURST_LENGTH);
  if (!split) throw new Error(`no timeline of ${BURST_LENGTH} frames among the challenge's splits`);
  return stepsOf(split);
}

function stepsOf([left, back, right, backAgain]: number[]): Step[] {
  return [
    { move: 'centre', frames: 2 },
    { move: 'left', frames: left },
    { move: 'centre', frames: back },
    { move: 'right', frames: right },
    { move: 'centre', frames: backAgain },
  ];
}

/** One burst per demo face that can be animated. */
export async function demoBursts(engine: FaceEngine, steps: readonly Step[]): Promise<Buffer[][]> {
  const bursts: Buffer[][] = [];
  for (let i = 0; i < SAMPLE_FACES.length; i++) {
    const performer = await performerFrom(engine, await demoPortrait(i), i);
    if (performer) bursts.push(await performFrames(performer, steps, i + 1));
  }
  if (bursts.length === 0) throw new Error('no demo face could be animated into a burst');
  return bursts;
}

/** `bursts`: demoBursts(engine, tenFrameTimeline()). */
export async function measureBurst(
  engine: FaceEngine,
  bursts: readonly Buffer[][],
  loop: Omit<LoopOptions, 'lanes'>,
  onProgress?: (done: number, total: number) => void,
): Promise<BurstLatency> {
  const steps = tenFrameTimeline();
  // Each burst once outside the clock: every worker warm, and the frames a worker refuses known.
  for (const burst of bursts) await analyzeBurst(engine, burst);
  const frames = bursts.flat();
  const half = { ...loop, lanes: 1, seconds: loop.seconds / 2 };
  const tick = (part: number) => (done: number, total: number) => onProgress?.(part * total + done, 2 * total);
  const one = await timedLoop(frames, (frame) => engine.analyzeFrame(frame).catch(() => undefined), {
    ...half,
    onProgress: tick(0),
  });
  const whole = await timedLoop(bursts, (burst) => analyzeBurst(engine, burst), { ...half, onProgress: tick(1) });

  const settings = livenessSettings(engine.spec.embedder);
  const check = whole.samples.map(({ result }) => {
    const t0 = performance.now();
    checkBurst(result, steps, settings);
    return performance.now() - t0;
  });
  const analysed = one.samples.flatMap((s) => (s.result ? [s.result] : []));
  const oneFrame = summarise(one.samples.filter((s) => s.result).map((s) => s.ms));
  const burst = summarise(whole.samples.map((s) => s.ms));
  return {
    frames: BURST_LENGTH,
    bursts: bursts.length,
    one_frame: oneFrame,
    burst,
    added_p50_ms: Math.round((burst.p50_ms - oneFrame.p50_ms) * 10) / 10,
    check: summarise(check),
    stages_one_frame: perStage(analysed.map((a) => [a])),
    stages_burst: perStage(whole.samples.map((s) => s.result.filter((a) => a !== undefined))),
  };
}

/** Each stage's time summed over a group's analyses (one frame, or a burst's frames), summarised over the groups. */
function perStage(groups: readonly (readonly FaceAnalysis[])[]): Record<BurstStage, LatencySummary> {
  const sum = (group: readonly FaceAnalysis[], stage: keyof StageTimings) =>
    group.reduce((total, a) => total + (a.timings[stage] ?? 0), 0);
  return Object.fromEntries(
    BURST_STAGES.map((stage) => [stage, summarise(groups.map((group) => sum(group, stage)))]),
  ) as Record<BurstStage, LatencySummary>;
}
