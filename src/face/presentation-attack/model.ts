/**
 * The passive presentation-attack model (models/manifest.json, fr-liveness): how likely a face is
 * live rather than a print or a screen, from one frame. It scores; it does not decide (judge.ts).
 */
import type { RgbImage } from '../image.js';
import type { Box } from '../detect/detection.js';
import { warpRgb } from '../geometry/warp.js';
import { floatOutput, openSession, OrtTensor, type Session } from '../onnx-session.js';
import { presentationCrop } from './crop.js';

const SIZE = 128;
/** Measured, not assumed: the class whose probability falls on rendered prints and screens (manifest, output). */
const LIVE_CLASS = 0;

export class PresentationAttackModel {
  private constructor(private readonly session: Session) {}

  static async load(file: string): Promise<PresentationAttackModel> {
    return new PresentationAttackModel(await openSession(file));
  }

  /** The probability, 0 to 1, that the face in `box` is live. */
  async liveScore(image: RgbImage, box: Box): Promise<number> {
    const { x, y, side } = presentationCrop(image, box);
    // Plain bilinear, no low-pass filter: the publisher's cv.resize, whose aliasing the model was trained on.
    const rgb = warpRgb(image, { a: side / SIZE, b: 0, tx: x, ty: y }, SIZE, SIZE, { maxSupersample: 1 });
    const plane = SIZE * SIZE;
    const input = new Float32Array(3 * plane);
    for (let c = 0; c < 3; c++) {
      for (let i = 0; i < plane; i++) input[c * plane + i] = rgb[i * 3 + c];
    }
    const outputs = await this.session.run({ input: new OrtTensor('float32', input, [1, 3, SIZE, SIZE]) });
    return softmax(floatOutput(outputs, 'output'))[LIVE_CLASS];
  }
}

function softmax(logits: Float32Array): number[] {
  const top = Math.max(...logits);
  const exps = Array.from(logits, (v) => Math.exp(v - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
