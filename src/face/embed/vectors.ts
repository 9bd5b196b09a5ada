/**
 * Unit embeddings: scaling to unit length, and fusing several into the direction they agree on.
 * No model here, so the gallery and the benches use them without loading onnxruntime.
 */

/** Scales `v` to unit length, in place (a zero vector stays zero); returns it. */
export function normalise(v: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] /= norm;
  return v;
}

/** The normalised mean of unit embeddings: the direction they agree on. */
export function fuse(embeddings: readonly Float32Array[]): Float32Array {
  const sum = new Float32Array(embeddings[0].length);
  for (const e of embeddings) for (let i = 0; i < sum.length; i++) sum[i] += e[i];
  return normalise(sum);
}
