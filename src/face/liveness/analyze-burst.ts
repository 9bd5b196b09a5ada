/**
 * Every frame of a liveness burst that shows one face, analysed on the engine's workers at once.
 * A frame where the turning head was lost is dropped (the liveness check counts what is left);
 * a second person, an unreadable image or a busy engine ends the attempt.
 */
import type { FaceEngine } from '../engine.js';
import { FaceError, type FaceErrorCode } from '../errors.js';
import type { FaceAnalysis } from '../pipeline.js';

const DROPPABLE: readonly FaceErrorCode[] = ['no_face', 'face_too_small', 'too_dark', 'too_blurry'];

/** `models`: older embedders to run on each frame as well (see FaceEngine.analyze). */
export async function analyzeBurst(engine: FaceEngine, frames: readonly Uint8Array[], models?: readonly string[]): Promise<FaceAnalysis[]> {
  const settled = await Promise.allSettled(frames.map((f) => engine.analyzeFrame(f, models)));
  const analyses: FaceAnalysis[] = [];
  for (const result of settled) {
    if (result.status === 'fulfilled') analyses.push(result.value);
    else if (!(result.reason instanceof FaceError && DROPPABLE.includes(result.reason.code))) throw result.reason;
  }
  return analyses;
}
