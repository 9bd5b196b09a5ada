import { expect } from 'chai';
import { alignmentTemplates, type FacePoints } from '../src/face/align/templates.js';
import { applySimilarity, fitSimilarity, type Point, type Similarity } from '../src/face/geometry/similarity.js';

/** A face whose 68 landmarks and 4 keypoints sit exactly where `toImage` puts the template's points. */
function faceThrough(toImage: Similarity): FacePoints {
  const [fromLandmarks] = alignmentTemplates({ name: 'arcface', size: 112, points: 'landmarks' });
  const [fromKeypoints] = alignmentTemplates({ name: 'arcface', size: 112, points: 'keypoints' });
  // Landmarks that average to the template's five points: each eye's six points, the nose tip, the mouth corners.
  const [re, le, nose, mr, ml] = fromLandmarks!.targets.map((p) => applySimilarity(toImage, p));
  const landmarks68: Point[] = Array.from({ length: 68 }, () => [0, 0] as Point);
  for (let i = 36; i <= 41; i++) landmarks68[i] = re!;
  for (let i = 42; i <= 47; i++) landmarks68[i] = le!;
  landmarks68[30] = nose!;
  landmarks68[48] = mr!;
  landmarks68[54] = ml!;
  const keypoints = fromKeypoints!.targets.map((p) => applySimilarity(toImage, p));
  return { keypoints: [...keypoints, [0, 0], [0, 0]], landmarks68 };
}

describe('alignment templates', () => {
  const toImage: Similarity = { a: 1.8, b: 0.4, tx: 210, ty: 95 };

  for (const points of ['landmarks', 'keypoints', 'combined'] as const) {
    it(`${points}: recovers the face's placement from the points it names`, () => {
      const [template] = alignmentTemplates({ name: 'arcface', size: 112, points });
      const fitted = fitSimilarity(template!.targets, template!.pick(faceThrough(toImage))!);
      for (const key of ['a', 'b', 'tx', 'ty'] as const) expect(fitted[key]).to.be.closeTo(toImage[key], 1e-9);
    });
  }

  it('fits the combined template to both point sets at once: 5 landmark points and 4 keypoints', () => {
    const [combined] = alignmentTemplates({ name: 'arcface', size: 112, points: 'combined' });
    expect(combined!.targets).to.have.length(9);
    expect(combined!.pick(faceThrough(toImage))).to.have.length(9);
  });

  it('falls back to the keypoints for a face without landmarks, whatever the points chosen', () => {
    const { keypoints } = faceThrough(toImage);
    for (const points of ['landmarks', 'combined'] as const) {
      const templates = alignmentTemplates({ name: 'arcface', size: 112, points });
      expect(templates[0].pick({ keypoints }), points).to.equal(undefined);
      expect(templates[1].pick({ keypoints }), points).to.have.length(4);
    }
    expect(alignmentTemplates({ name: 'dlib', size: 150, points: 'keypoints' })).to.have.length(1);
  });

  it('carries the chip size and its sampling (2 samples per axis unless told)', () => {
    expect(alignmentTemplates({ name: 'arcface', size: 112 })[0]).to.include({ size: 112, supersample: 2 });
    expect(alignmentTemplates({ name: 'dlib', size: 150, padding: 0.25, supersample: 1 })[0]).to.include({
      size: 150,
      supersample: 1,
    });
  });
});
