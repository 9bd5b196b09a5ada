/**
 * Opens an installed model (checked against the manifest first) in onnxruntime-node, quietly:
 * log severity 3 hides onnxruntime's warnings about unused initializers in the BlazeFace files.
 */
import * as ort from 'onnxruntime-node';
import { findModel, loadManifest, verifyModelFile, type ModelEntry } from '../../src/face/model-files/manifest.js';

export async function openModel(id: string): Promise<{ entry: ModelEntry; session: ort.InferenceSession }> {
  const entry = findModel(loadManifest(), id);
  const session = await ort.InferenceSession.create(verifyModelFile(entry), {
    logSeverityLevel: 3,
    intraOpNumThreads: 1,
  });
  return { entry, session };
}

/** Runs a one-input model on an NCHW float32 batch and returns its only output. */
export async function runNchw(
  session: ort.InferenceSession,
  input: Float32Array,
  dims: readonly number[],
): Promise<Float32Array> {
  const outputs = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', input, dims) });
  return outputs[session.outputNames[0]].data as Float32Array;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`cannot compare ${a.length} values with ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}
