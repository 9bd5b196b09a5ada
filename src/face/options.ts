/**
 * The `face` section of facegate.config.json, as the engine reads it: validated and defaulted by
 * the configuration loader against the JSON Schema (src/config/facegate.config.schema.json), which
 * documents each option and holds the defaults.
 */
import type { EmbedderSpec } from './embed/spec.js';
import type { AlignmentPoints, TemplateName } from './align/templates.js';

/**
 * A user's own ONNX embedder (FaceNet, ArcFace, ...), as written in the configuration: an
 * EmbedderSpec whose file is relative to the configuration file, whose alignment names a template
 * (the chip size is the input size) and whose mirror fusion defaults to the face section's.
 */
export type CustomEmbedderOptions = Omit<EmbedderSpec, 'alignment' | 'mirrorFusion'> & {
  alignment: { template: TemplateName; padding?: number; points?: AlignmentPoints; supersample?: number };
  mirrorFusion?: boolean;
};

export interface FaceOptions {
  detector: 'blazeface-front-128' | 'blazeface-back-256';
  /** Align on face-api's 68 landmarks (dlib's own alignment) rather than BlazeFace's keypoints alone. */
  landmarks: boolean;
  /** A shipped model id, or a custom embedder. */
  embedder: string | CustomEmbedderOptions;
  /** null: the embedder's own choice (models/manifest.json; on for a custom embedder). */
  mirrorFusion: boolean | null;
  /** The active liveness challenge on sign-in and enrolment, or none. */
  liveness: 'challenge' | 'off';
  /** The passive presentation-attack model on sign-in frames: off by default (see the README for why). */
  presentationAttackDetection: { enabled: boolean; threshold: number };
  /** Wanted chance, per sign-in, that a stranger is let in as somebody: the 1:N threshold follows from it. */
  targetFalseAcceptRate: number;
  /** 1:N is refused once its threshold would accept fewer genuine users than this. */
  minGenuineAcceptRate: number;
  /** A fixed distance threshold instead of the derived one. */
  threshold: number | null;
  /** 1:N's margin in the configured embedder's distance; null: the embedder's own (models/manifest.json). */
  margin: number | null;
  minDetectionScore: number;
  minEyeDistancePx: number;
  minBrightness: number;
  minSharpness: number;
  workers: number;
  queueLength: number;
  maxImageBytes: number;
  maxImagePixels: number;
}
