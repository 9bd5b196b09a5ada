import { expect } from 'chai';
import type { InferenceSession } from 'onnxruntime-node';
import type { ModelEntry } from '../src/face/model-files/manifest.js';
import { normalise } from '../src/face/embed/vectors.js';
import { distance } from '../src/face/match/distance.js';
import { mirror, SAMPLE_FACES, squareChip, toNchw, type RgbImage } from './helpers/face-chips.js';
import { faceApi, faceApiWeightMap, tf } from './helpers/face-api-reference.js';
import { maxAbsDiff, openModel, runNchw } from './helpers/model-session.js';

const SIZE = 150;
/** face-api normalises its input as (pixel - mean) / 255; the ONNX graph gets the same numbers. */
const FACE_API_SCALE = 1 / 255;

describe('models: dlib ResNet embedder (ONNX) against face-api on tfjs', () => {
  let entry: ModelEntry;
  let session: InferenceSession;
  let chips: RgbImage[];
  let reference: Float32Array[];

  before(async () => {
    ({ entry, session } = await openModel('dlib-resnet-v1'));
    chips = await Promise.all(SAMPLE_FACES.map((face) => squareChip(face, SIZE)));
    const api = await faceApi();
    const net = new api.FaceRecognitionNet();
    net.loadFromWeightMap(faceApiWeightMap('face_recognition_model') as never);
    reference = [];
    for (const chip of [...chips, mirror(chips[0])]) {
      const input = tf.tensor3d(chip.pixels, [SIZE, SIZE, 3], 'int32');
      reference.push((await net.computeFaceDescriptor(input as never)) as Float32Array);
      input.dispose();
    }
  });

  it(`matches face-api to 1e-4 on ${SAMPLE_FACES.length} real faces, one at a time`, async () => {
    for (const [i, chip] of chips.entries()) {
      const embedding = await runNchw(session, toNchw([chip], entry.input.mean, FACE_API_SCALE), [1, 3, SIZE, SIZE]);
      expect(embedding).to.have.length(128);
      expect(maxAbsDiff(embedding, reference[i]), `face ${i}`).to.be.below(1e-4);
    }
  });

  it('runs a chip and its mirror image as one batch of 2', async () => {
    const pair = [chips[0], mirror(chips[0])];
    const embeddings = await runNchw(session, toNchw(pair, entry.input.mean, FACE_API_SCALE), [2, 3, SIZE, SIZE]);
    expect(maxAbsDiff(embeddings.subarray(0, 128), reference[0])).to.be.below(1e-4);
    expect(maxAbsDiff(embeddings.subarray(128), reference[chips.length])).to.be.below(1e-4);
  });

  it('tells different people apart and finds the same person in the mirror', async () => {
    const batch = [...chips, mirror(chips[0])];
    const all = await runNchw(session, toNchw(batch, entry.input.mean, entry.input.scale), [
      batch.length,
      3,
      SIZE,
      SIZE,
    ]);
    const unit = batch.map((_, i) => normalise(all.slice(i * 128, (i + 1) * 128)));
    const mirrored = distance(unit[0], unit[batch.length - 1], 'euclidean');
    for (let i = 1; i < chips.length; i++) expect(distance(unit[0], unit[i], 'euclidean')).to.be.above(mirrored);
  });
});
