/**
 * Everything a face pipeline needs to start, as plain data: it crosses into worker threads as
 * workerData, so it holds paths and numbers, never sessions.
 */
import type { EmbedderSpec } from './embed/spec.js';
import type { PipelineSettings } from './pipeline.js';

export interface DetectorSpec {
  id: string;
  file: string;
  inputSize: number;
}

export interface LandmarksSpec {
  id: string;
  file: string;
}

/** The optional presentation-attack model (face.presentationAttackDetection). */
export interface PresentationAttackSpec {
  id: string;
  file: string;
}

export interface EngineSpec {
  /** Tried in order until one finds a face. */
  detectors: DetectorSpec[];
  /** Absent: align on the detector's keypoints alone. */
  landmarks?: LandmarksSpec;
  /** The configured embedder: every new template is of this model. */
  embedder: EmbedderSpec;
  /**
   * Older embedders kept loaded for the accounts whose templates are all of one of them (after the
   * configuration changed model), so they still sign in; run only when asked for.
   */
  legacyEmbedders: EmbedderSpec[];
  /** Absent: no live score is measured (the default). */
  presentationAttack?: PresentationAttackSpec;
  settings: PipelineSettings;
  /** Worker threads; 0 runs the pipeline on the calling thread (command-line tools). */
  workers: number;
  /** Requests allowed to wait for a worker before new ones are refused as "busy". */
  queueLength: number;
}
