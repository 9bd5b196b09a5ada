/**
 * Every frame of a liveness burst, analysed on the engine's workers at once, in order, and admitted
 * to the engine's queue together (a burst that does not fit is refused before any frame runs). A frame
 * where the turning head was lost is left undefined (the liveness check counts what is left, and
 * knows where each frame sits in the timeline); a second person, an unreadable image or a busy
 * engine ends the attempt.
 */
import type { FaceEngine } from '../engine.js';
import { FaceError, type FaceErrorCode } from '../errors.js';
import type { BurstFrames } from './burst-check.js';

const DROPPABLE: readonly FaceErrorCode[] = ['no_face', 'face_too_small', 'too_dark', 'too_blurry'];

/** `models`: older embedders to run on each frame as well (see FaceEngine.analyze). */
export async function analyzeBurst(
  engine: FaceEngine,
  frames: readonly Uint8Array[],
  models?: readonly string[],
): Promise<BurstFrames> {
  const settled = await Promise.allSettled(engine.analyzeFrames(frames, models));
  return settled.map((result) => {
    if (result.status === 'fulfilled') return result.value;
    if (result.reason instanceof FaceError && DROPPABLE.includes(result.reason.code)) return undefined;
    throw result.reason;
  });
}
