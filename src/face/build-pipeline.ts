/**
 * Opens the models an EngineSpec names and assembles a FacePipeline (once per worker thread).
 */
import { BlazeFaceDetector } from './detect/blazeface.js';
import { Embedder } from './embed/embedder.js';
import { alignmentTemplates } from './align/templates.js';
import { FaceApiLandmarker } from './landmarks/face-api-landmarker.js';
import { FacePipeline } from './pipeline.js';
import { PresentationAttackModel } from './presentation-attack/model.js';
import type { EngineSpec } from './engine-spec.js';

export async function buildPipeline(spec: EngineSpec): Promise<FacePipeline> {
  const [detectors, landmarker, embedder, presentationAttack] = await Promise.all([
    Promise.all(spec.detectors.map((d) => BlazeFaceDetector.load(d.file, d.inputSize))),
    spec.landmarks ? FaceApiLandmarker.load(spec.landmarks.file) : undefined,
    Embedder.load(spec.embedder),
    spec.presentationAttack ? PresentationAttackModel.load(spec.presentationAttack.file) : undefined,
  ]);
  return new FacePipeline({ detectors, landmarker, embedder, templates: alignmentTemplates(spec.embedder.alignment), presentationAttack }, spec.settings);
}
