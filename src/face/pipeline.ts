/**
 * The face pipeline on one thread: bytes -> decode -> detect -> choose the face -> landmarks ->
 * align -> quality -> embed (with the configured embedder, and older ones when asked) (-> the
 * presentation-attack model's live score, when it is on). Each step refuses with a typed FaceError;
 * the live score is only measured here, judged by the recognizer. Nothing is written anywhere.
 * Worker threads each own one pipeline (pool.ts); the CLI may run one in-process.
 */
import { decodeImage, type DecodeLimits, type RgbImage } from './image.js';
import { FaceError } from './errors.js';
import type { BlazeFaceDetector } from './detect/blazeface.js';
import { eyeDistance, type Box, type Detection } from './detect/detection.js';
import type { Landmarker } from './landmarks/landmarker.js';
import type { AlignmentTemplate, FacePoints } from './align/templates.js';
import { extractChip, lumaThumbnail, type Chip } from './align/chip.js';
import { checkQuality, measureQuality, type Quality, type QualityThresholds } from './quality.js';
import type { Embedder } from './embed/embedder.js';
import type { Point } from './geometry/similarity.js';
import { sampleScene } from './liveness/scene.js';
import type { PresentationAttackModel } from './presentation-attack/model.js';

export interface PipelineSettings {
  decode: DecodeLimits;
  minDetectionScore: number;
  /** A second face at least this wide, relative to the largest, means "several faces". */
  severalFacesRatio: number;
  minEyeDistancePx: number;
  quality: QualityThresholds;
}

/** An embedder with the way faces are aligned for it. */
export interface AlignedEmbedder {
  embedder: Embedder;
  /** Alignment templates in order of preference; the first whose points the face has is used. */
  templates: readonly AlignmentTemplate[];
}

export interface PipelineParts {
  /** Tried in order until one finds a face: the webcam (front) model, then the long-range (back) one. */
  detectors: readonly BlazeFaceDetector[];
  landmarker?: Landmarker;
  /** The configured embedder: always run. */
  embedder: AlignedEmbedder;
  /** Older embedders by model id, run for an analysis that asks for them. */
  legacy?: ReadonlyMap<string, AlignedEmbedder>;
  /** Present when face.presentationAttackDetection is on: every sign-in frame gets a live score. */
  presentationAttack?: PresentationAttackModel;
  /**
   * The chip quality and the liveness thumbnail are measured on, whatever the embedder (their
   * thresholds were measured on it): undefined when it is the embedder's own chip.
   */
  qualityTemplates?: readonly AlignmentTemplate[];
}

/** Embeddings of one face by model id. */
export type EmbeddingsByModel = Record<string, Float32Array>;

export interface StageTimings {
  decode: number;
  detect: number;
  align: number;
  embed: number;
  /** The 68-landmark net, a part of align (when it runs). */
  landmarks?: number;
  /** Burst frames only: the scene sample, after embed (the chip's thumbnail is part of align). */
  scene?: number;
  /** The presentation-attack model, when it ran. */
  presentationAttack?: number;
}

export interface FaceAnalysis {
  image: { width: number; height: number };
  box: Box;
  score: number;
  keypoints: Point[];
  landmarks68?: Point[];
  eyeDistancePx: number;
  quality: Quality;
  /** The configured embedder's embedding. */
  embedding: Float32Array;
  /** That one and the older embedders' asked for, by model id. */
  embeddings: EmbeddingsByModel;
  /** Liveness frames only: the chip's luma at THUMBNAIL x THUMBNAIL pixels. */
  thumbnail?: Uint8Array;
  /** Liveness frames only: the whole picture's mean colour on a coarse grid (liveness/scene.ts). */
  scene?: Uint8Array;
  /** With the presentation-attack model: the probability, 0 to 1, that the face is live rather than a print or a screen. */
  liveScore?: number;
  timings: StageTimings;
}

const now = () => performance.now();

export class FacePipeline {
  private qualityChipBuffer?: Float32Array;

  constructor(
    private readonly parts: PipelineParts,
    private readonly settings: PipelineSettings,
  ) {}

  /**
   * The one face to sign in with, or a refusal saying what to fix. `models`: older embedders to run
   * as well (ids of the engine's legacy embedders), for accounts not yet carried over.
   */
  analyze(bytes: Uint8Array, models: readonly string[] = []): Promise<FaceAnalysis> {
    return this.analyzeWith(bytes, { enforceQuality: true, models });
  }

  /**
   * One frame of a liveness burst: the one face, with its landmarks (for the pose), a small
   * thumbnail of the chip (to spot repeated frames) and a coarse sample of the whole picture (to
   * tell one scene from a collage). Quality is measured, not enforced (a turning head blurs a
   * little), and the embedding skips mirror fusion (the burst's frames fuse instead).
   */
  analyzeFrame(bytes: Uint8Array, models: readonly string[] = []): Promise<FaceAnalysis> {
    return this.analyzeWith(bytes, { enforceQuality: false, mirror: false, burstFrame: true, models });
  }

  private async analyzeWith(
    bytes: Uint8Array,
    options: { enforceQuality: boolean; mirror?: boolean; burstFrame?: boolean; models: readonly string[] },
  ): Promise<FaceAnalysis> {
    const t0 = now();
    const image = await decodeImage(bytes, this.settings.decode);
    const t1 = now();
    const detections = await this.detect(image);
    const face = this.chooseFace(detections);
    const t2 = now();
    // From the detector's keypoints: a face too small is refused before the landmark net runs.
    const eyes = eyeDistance(face);
    if (eyes < this.settings.minEyeDistancePx) {
      throw new FaceError('face_too_small', {
        eyeDistancePx: Math.round(eyes),
        minEyeDistancePx: this.settings.minEyeDistancePx,
      });
    }
    const points = await this.locate(image, face);
    const located = now();
    const chip = extractChip(image, points, this.parts.embedder.templates);
    const qualityChip = this.qualityChip(image, points, chip);
    const quality = measureQuality(qualityChip);
    // Made here, before anything is awaited: the quality chip's buffer serves the next image too.
    const thumbnail = options.burstFrame ? lumaThumbnail(qualityChip) : undefined;
    if (options.enforceQuality) checkQuality(quality, this.settings.quality);
    const t3 = now();
    const [embedding] = await this.parts.embedder.embedder.embed([chip], options.mirror);
    const embeddings: EmbeddingsByModel = { [this.parts.embedder.embedder.spec.id]: embedding };
    for (const model of options.models) {
      if (embeddings[model]) continue;
      const other = this.parts.legacy?.get(model);
      if (!other) throw new Error(`the face engine has no embedder ${model} loaded`);
      [embeddings[model]] = await other.embedder.embed([extractChip(image, points, other.templates)], options.mirror);
    }
    const t4 = now();
    const scene = options.burstFrame ? sampleScene(image) : undefined;
    const t5 = now();
    const analysis: FaceAnalysis = {
      image: { width: image.width, height: image.height },
      box: face.box,
      score: face.score,
      keypoints: face.keypoints,
      landmarks68: points.landmarks68 ? [...points.landmarks68] : undefined,
      eyeDistancePx: eyes,
      quality,
      embedding,
      embeddings,
      thumbnail,
      scene,
      timings: {
        decode: t1 - t0,
        detect: t2 - t1,
        align: t3 - t2,
        embed: t4 - t3,
        ...(this.parts.landmarker ? { landmarks: located - t2 } : {}),
        ...(options.burstFrame ? { scene: t5 - t4 } : {}),
      },
    };
    if (this.parts.presentationAttack) {
      analysis.liveScore = await this.parts.presentationAttack.liveScore(image, face.box);
      analysis.timings.presentationAttack = now() - t5;
    }
    return analysis;
  }

  /** Every face in the image with its embedding, largest first, without sign-in refusals (for `facegate embed`). */
  async analyzeAll(bytes: Uint8Array): Promise<Omit<FaceAnalysis, 'timings' | 'image' | 'embeddings'>[]> {
    const image = await decodeImage(bytes, this.settings.decode);
    const detections = (await this.detect(image)).sort(byWidth);
    const results = [];
    for (const face of detections) {
      const points = await this.locate(image, face);
      const chip = extractChip(image, points, this.parts.embedder.templates);
      const [embedding] = await this.parts.embedder.embedder.embed([chip]);
      results.push({
        box: face.box,
        score: face.score,
        keypoints: face.keypoints,
        landmarks68: points.landmarks68 ? [...points.landmarks68] : undefined,
        eyeDistancePx: eyeDistance(face),
        quality: measureQuality(this.qualityChip(image, points, chip)),
        embedding,
      });
    }
    return results;
  }

  /**
   * The face nearest the image centre, embedded without sign-in refusals: for datasets such as LFW,
   * whose subject is the centred face. Null when no face is found.
   */
  async embedCentral(bytes: Uint8Array): Promise<Float32Array | null> {
    const image = await decodeImage(bytes, this.settings.decode);
    const detections = await this.detect(image);
    const cx = image.width / 2;
    const cy = image.height / 2;
    const offCentre = (d: Detection) => Math.hypot(d.box.x + d.box.width / 2 - cx, d.box.y + d.box.height / 2 - cy);
    const [face] = detections.sort((p, q) => offCentre(p) - offCentre(q));
    if (!face) return null;
    const chip = extractChip(image, await this.locate(image, face), this.parts.embedder.templates);
    const [embedding] = await this.parts.embedder.embedder.embed([chip]);
    return embedding;
  }

  /**
   * The chip quality is measured on. When it is not the embedder's, it is written over the previous
   * one (see WarpOptions.into): it is read before anything is awaited, so the next image's finds it
   * done with.
   */
  private qualityChip(image: RgbImage, points: FacePoints, embedderChip: Chip): Chip {
    const templates = this.parts.qualityTemplates;
    if (!templates) return embedderChip;
    const size = templates[0]!.size;
    if (this.qualityChipBuffer?.length !== size * size * 3) this.qualityChipBuffer = new Float32Array(size * size * 3);
    return extractChip(image, points, templates, this.qualityChipBuffer);
  }

  private async detect(image: RgbImage): Promise<Detection[]> {
    for (const detector of this.parts.detectors) {
      const found = await detector.detect(image, this.settings.minDetectionScore);
      if (found.length > 0) return found;
    }
    return [];
  }

  /** The largest face; refused when there is none, or when another is nearly as large. */
  private chooseFace(detections: Detection[]): Detection {
    const [largest, second] = [...detections].sort(byWidth);
    if (!largest) throw new FaceError('no_face');
    if (second && second.box.width >= this.settings.severalFacesRatio * largest.box.width) {
      throw new FaceError('several_faces', { faces: detections.length });
    }
    return largest;
  }

  private async locate(image: RgbImage, face: Detection): Promise<FacePoints> {
    const landmarks68 = this.parts.landmarker ? await this.parts.landmarker.locate(image, face) : undefined;
    return { keypoints: face.keypoints, landmarks68 };
  }
}

function byWidth(p: Detection, q: Detection): number {
  return q.box.width - p.box.width;
}
