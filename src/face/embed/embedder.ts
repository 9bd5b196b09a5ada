/**
 * Runs a face embedder on aligned chips and returns L2-normalised embeddings.
 */
import { openSession, floatOutput, OrtTensor, type Session } from '../onnx-session.js';
import type { Chip } from '../align/chip.js';
import type { EmbedderSpec } from './spec.js';
import { normalise } from './vectors.js';

export class Embedder {
  private constructor(
    private readonly session: Session,
    readonly spec: EmbedderSpec,
    private readonly inputName: string,
    private readonly outputName: string,
    /** Whether the model takes several chips in one run (a symbolic or unknown batch dimension). */
    private readonly batches: boolean,
  ) {}

  static async load(spec: EmbedderSpec): Promise<Embedder> {
    const session = await openSession(spec.file);
    const inputName = spec.inputName ?? session.inputNames[0];
    const outputName = spec.outputName ?? session.outputNames[0];
    const input = session.inputMetadata.find((m) => m.name === inputName);
    if (!input)
      throw new Error(
        `embedder ${spec.file} has no input named "${inputName}" (it has: ${session.inputNames.join(', ')})`,
      );
    const batchDim = input.isTensor ? input.shape[0] : undefined;
    return new Embedder(session, spec, inputName, outputName, typeof batchDim !== 'number' || batchDim < 1);
  }

  /** One embedding per chip, each of unit length; `withMirror` overrides the spec's mirror fusion. */
  async embed(chips: readonly Chip[], withMirror = this.spec.mirrorFusion): Promise<Float32Array[]> {
    const inputs = chips.flatMap((chip) => (withMirror ? [chip.rgb, mirror(chip.rgb, chip.size)] : [chip.rgb]));
    const raw = await this.run(inputs);
    const perChip = withMirror ? 2 : 1;
    return chips.map((_, i) => {
      const sum = new Float32Array(raw[i * perChip]);
      for (let m = 1; m < perChip; m++) {
        const other = raw[i * perChip + m];
        for (let d = 0; d < sum.length; d++) sum[d] += other[d];
      }
      return normalise(sum);
    });
  }

  private async run(chips: readonly Float32Array[]): Promise<Float32Array[]> {
    if (!this.batches && chips.length > 1) {
      const out: Float32Array[] = [];
      for (const chip of chips) out.push(...(await this.run([chip])));
      return out;
    }
    const size = this.spec.inputSize;
    const plane = size * size;
    const data = new Float32Array(chips.length * plane * 3);
    chips.forEach((chip, n) => this.fill(chip, data, n * plane * 3));
    const shape = this.spec.layout === 'NCHW' ? [chips.length, 3, size, size] : [chips.length, size, size, 3];
    const outputs = await this.session.run({ [this.inputName]: new OrtTensor('float32', data, shape) });
    const flat = floatOutput(outputs, this.outputName);
    const dims = flat.length / chips.length;
    return chips.map((_, n) => flat.slice(n * dims, (n + 1) * dims));
  }

  /** Normalise an interleaved RGB chip into the model's input layout, at `offset`. */
  private fill(rgb: Float32Array, out: Float32Array, offset: number): void {
    const { mean, scale, layout, colorOrder } = this.spec;
    const scales = typeof scale === 'number' ? [scale, scale, scale] : scale;
    const plane = rgb.length / 3;
    for (let c = 0; c < 3; c++) {
      const source = colorOrder === 'RGB' ? c : 2 - c;
      const m = mean[c];
      const s = scales[c];
      if (layout === 'NCHW') {
        const base = offset + c * plane;
        for (let i = 0; i < plane; i++) out[base + i] = (rgb[i * 3 + source] - m) * s;
      } else {
        for (let i = 0; i < plane; i++) out[offset + i * 3 + c] = (rgb[i * 3 + source] - m) * s;
      }
    }
  }
}

/** The chip flipped left to right. */
export function mirror(rgb: Float32Array, size: number): Float32Array {
  const out = new Float32Array(rgb.length);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 3;
      const to = (y * size + (size - 1 - x)) * 3;
      out[to] = rgb[from];
      out[to + 1] = rgb[from + 1];
      out[to + 2] = rgb[from + 2];
    }
  }
  return out;
}
