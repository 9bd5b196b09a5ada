/**
 * Exhaustive nearest-template search over a gallery held as one contiguous matrix.
 * Exact: every template is compared. The quantised index (quantized-index.ts) shortlists for
 * large galleries and then asks this one for exact scores of the shortlist.
 */
import { dot } from './distance.js';

export class ExactIndex {
  constructor(
    /** Row-major templates, `dims` floats each. */
    readonly matrix: Float32Array,
    readonly dims: number,
  ) {}

  get rows(): number {
    return this.matrix.length / this.dims;
  }

  similarityAt(probe: Float32Array, row: number): number {
    return dot(probe, this.matrix, row * this.dims);
  }

  /** Similarity of the probe to every row. */
  scanAll(probe: Float32Array): Float64Array {
    const out = new Float64Array(this.rows);
    for (let r = 0; r < out.length; r++) out[r] = dot(probe, this.matrix, r * this.dims);
    return out;
  }
}
