import { expect } from 'chai';
import type { InferenceSession } from 'onnxruntime-node';
import type { ModelEntry } from '../src/face/model-files/manifest.js';
import { cropFace, SAMPLE_FACES, squareChip, toNchw, type RgbImage } from './helpers/face-chips.js';
import { faceApi, faceApiWeightMap, tf } from './helpers/face-api-reference.js';
import { maxAbsDiff, openModel, runNchw } from './helpers/model-session.js';

const SIZE = 112;
const POINTS = 68;

type FaceApi = Awaited<ReturnType<typeof faceApi>>;
type LandmarkNet = InstanceType<FaceApi['FaceLandmark68Net']>;

describe('models: 68-point landmark net (ONNX) against face-api on tfjs', () => {
  let api: FaceApi;
  let net: LandmarkNet;
  let entry: ModelEntry;
  let session: InferenceSession;
  let chips: RgbImage[];
  let reference: Float32Array[];

  /** face-api's raw 136 outputs, before its post-processing, for an image of any shape. */
  async function rawOutputs(image: RgbImage): Promise<Float32Array> {
    const input = tf.tensor3d(image.pixels, [image.height, image.width, 3], 'int32');
    const output = net.runNet(await api.toNetInput(input as never));
    const values = (await output.data()) as Float32Array;
    tf.dispose([input, output as never]);
    return values;
  }

  before(async () => {
    ({ entry, session } = await openModel('landmarks68'));
    api = await faceApi();
    net = new api.FaceLandmark68Net();
    net.loadFromWeightMap(faceApiWeightMap('face_landmark_68_model') as never);
    chips = await Promise.all(SAMPLE_FACES.map((face) => squareChip(face, SIZE)));
    reference = await Promise.all(chips.map(rawOutputs));
  });

  it(`matches face-api to 1e-4 on ${SAMPLE_FACES.length} real faces, in one batch`, async () => {
    const scale = entry.input.scale; // 1/255, face-api's own normalisation
    const all = await runNchw(session, toNchw(chips, entry.input.mean, scale), [chips.length, 3, SIZE, SIZE]);
    chips.forEach((_, i) => {
      const outputs = all.subarray(i * 2 * POINTS, (i + 1) * 2 * POINTS);
      expect(maxAbsDiff(outputs, reference[i]), `face ${i}`).to.be.below(1e-4);
    });
  });

  it("finds eyes above the mouth, the subject's right eye on the left of the photo", () => {
    for (const outputs of reference) {
      const mean = (from: number, to: number, axis: 0 | 1) => {
        let sum = 0;
        for (let i = from; i <= to; i++) sum += outputs[2 * i + axis];
        return sum / (to - from + 1);
      };
      expect(mean(36, 47, 1)).to.be.below(mean(48, 67, 1));
      expect(mean(36, 41, 0)).to.be.below(mean(42, 47, 0));
    }
  });

  it("maps outputs back to the image as the manifest says (face-api's post-processing)", async () => {
    const face = SAMPLE_FACES[0];
    const crop = await cropFace(face);
    const input = tf.tensor3d(crop.pixels, [crop.height, crop.width, 3], 'int32');
    const landmarks = (await net.detectLandmarks(input as never)) as { positions: { x: number; y: number }[] };
    input.dispose();
    const outputs = await rawOutputs(crop);
    // The manifest's formula, for a crop at (0, 0) of w x h; face-api pads the crop itself.
    const side = Math.max(crop.width, crop.height);
    landmarks.positions.forEach((p, i) => {
      expect(p.x).to.be.closeTo(-(side - crop.width) / 2 + outputs[2 * i] * side, 1e-3);
      expect(p.y).to.be.closeTo(-(side - crop.height) / 2 + outputs[2 * i + 1] * side, 1e-3);
    });
  });
});
