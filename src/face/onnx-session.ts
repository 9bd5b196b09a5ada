/**
 * One way to open an ONNX model, so every session in the engine runs with the same settings:
 * one intra-op thread (parallelism comes from worker threads, each with its own sessions, which
 * measured faster here than two threads in one session) and onnxruntime's warnings kept out of
 * the logs (the BlazeFace export carries unused initializers it warns about at every load).
 */
import ort from 'onnxruntime-node';

export type Session = ort.InferenceSession;
export const OrtTensor = ort.Tensor;

export async function openSession(model: string | Uint8Array): Promise<Session> {
  const options: ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    logSeverityLevel: 3,
  };
  return typeof model === 'string'
    ? ort.InferenceSession.create(model, options)
    : ort.InferenceSession.create(model, options);
}

export function floatOutput(outputs: ort.InferenceSession.OnnxValueMapType, name: string): Float32Array {
  const tensor = outputs[name];
  if (!tensor || !(tensor.data instanceof Float32Array)) {
    throw new Error(`model output "${name}" is missing or not float32`);
  }
  return tensor.data;
}
