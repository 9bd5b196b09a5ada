/**
 * Opens the models an EngineSpec names and assembles a FacePipeline (once per worker thread).
 */
import { BlazeFaceDetector } from './detect/blazeface.js';
import { Embedder } from './embed/embedder.js';
import { alignmentTemplates, type TemplateSpec } from './align/templates.js';
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
  const qualityTemplates = sameAlignment(spec.embedder.alignment, QUALITY_CHIP)
    ? undefined
    : alignmentTemplates(QUALITY_CHIP);
  return new FacePipeline(
    {
      detectors,
      landmarker,
      embedder,
      legacy: new Map(legacy.map((l) => [l.embedder.spec.id, l])),
      qualityTemplates,
      presentationAttack,
    },
    spec.settings,
  );
}

/**
 * The chip brightness, sharpness and the liveness thumbnail are measured on: dlib's 150x150 chip, on
 * which their thresholds were measured (face.minSharpness means the same whatever the embedder).
 */
const QUALITY_CHIP: TemplateSpec = { name: 'dlib', size: 150, padding: 0.25, points: 'landmarks', supersample: 2 };

function sameAlignment(a: TemplateSpec, b: TemplateSpec): boolean {
  return (
    a.name === b.name &&
    a.size === b.size &&
    (a.padding ?? 0.25) === (b.padding ?? 0.25) &&
    (a.points ?? 'landmarks') === (b.points ?? 'landmarks') &&
    (a.supersample ?? 2) === (b.supersample ?? 2)
  );
}

async function alignedEmbedder(spec: EmbedderSpec): Promise<AlignedEmbedder> {
  return { embedder: await Embedder.load(spec), templates: alignmentTemplates(spec.alignment) };
}
