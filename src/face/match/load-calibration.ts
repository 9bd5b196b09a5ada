/**
 * The shipped calibrations live in models/calibration/, one file per embedder, measured with
 * `facegate eval --calibration` on LFW. One serves only the embedder file and pipeline it was
 * measured with: anything else has none (and must set face.threshold, or be measured).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../model-files/manifest.js';
import type { EngineSpec } from '../engine-spec.js';
import type { Calibration } from './calibration.js';

export function calibrationPath(embedderId: string): string {
  return join(modelsDir(), 'calibration', `${embedderId.split('@')[0]}.json`);
}

/** The pipeline a calibration is measured with and serves: what of the engine moves the distances. */
export function calibrationPipeline(spec: EngineSpec): Calibration['pipeline'] {
  return { landmarks: spec.landmarks !== undefined, mirrorFusion: spec.embedder.mirrorFusion };
}

export function loadCalibration(
  embedderId: string,
  pipeline: Calibration['pipeline'],
  file = calibrationPath(embedderId),
): Calibration | null {
  if (!existsSync(file)) return null;
  const calibration = JSON.parse(readFileSync(file, 'utf8')) as Calibration;
  const fits =
    calibration.embedder === embedderId &&
    calibration.pipeline.landmarks === pipeline.landmarks &&
    calibration.pipeline.mirrorFusion === pipeline.mirrorFusion;
  return fits ? calibration : null;
}
