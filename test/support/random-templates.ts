/**
 * Deterministic pseudo-random unit vectors (xorshift32 through Box-Muller, so directions are
 * uniform on the sphere): the accounts of a synthetic gallery, and probes near them.
 */
import { normalise } from '../../src/face/embed/vectors.js';

export class RandomUnitVectors {
  private state: number;

  constructor(
    seed: number,
    readonly dims = 128,
  ) {
    this.state = (seed * 2654435761) >>> 0 || 1;
  }

  next(): Float32Array {
    const v = new Float32Array(this.dims);
    for (let i = 0; i < this.dims; i++) v[i] = this.gaussian();
    return normalise(v);
  }

  /** `base` moved towards a fresh random direction by t: another photo of the same face, roughly. */
  near(base: Float32Array, t: number): Float32Array {
    const away = this.next();
    return normalise(base.map((x, i) => (1 - t) * x + t * away[i]));
  }

  private uniform(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return (x + 0.5) / 4294967296;
  }

  private gaussian(): number {
    return Math.sqrt(-2 * Math.log(this.uniform())) * Math.cos(2 * Math.PI * this.uniform());
  }
}
