/**
 * Opens the models an EngineSpec names and assembles a FacePipeline (once per worker thread).
 */
import { BlazeFaceDetector } from './detect/blazeface.js';
import { Embedder } from './embed/embedder.js';
import { alignmentTemplates } from './align/templates.js';
import { FaceApiLandmarker } from './landmarks/face-api-landmarker.js';
import { FacePipeline, type AlignedEmbedder } from './pipeline.js';
import { PresentationAttackModel } from './presentation-attack/model.js';
import type { EngineSpec } from './engine-spec.js';
import type { EmbedderSpec } from './embed/spec.js';

export async function buildPipeline(spec: EngineSpec): Promise<FacePipeline> {
  const [detectors, landmarker, presentationAttack, embedder, ...legacy] = await Promise.all([
    Promise.all(spec.detectors.map((d) => BlazeFaceDetector.load(d.file, d.inputSize))),
    spec.landmarks ? FaceApiLandmarker.load(spec.landmarks.file) : undefined,
    spec.presentationAttack ? PresentationAttackModel.load(spec.presentationAttack.file) : undefined,
    alignedEmbedder(spec.embedder),
    ...spec.legacyEmbedders.map(alignedEmbedder),
  ]);
  return new FacePipeline({ detectors, landmarker, embedder, legacy: new Map(legacy.map((l) => [l.embedder.spec.id, l])), presentationAttack }, spec.settings);
}

async function alignedEmbedder(spec: EmbedderSpec): Promise<AlignedEmbedder> {
  return { embedder: await Embedder.load(spec), templates: alignmentTemplates(spec.alignment) };
}
