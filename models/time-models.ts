/**
 * Prints how long each installed model takes in onnxruntime-node with one intra-op thread (the
 * setting DESIGN.md found best on 2 cores), at batch 1 and, where the batch is dynamic, batch 2.
 * Figures only; nothing asserts on them.   node dist/models/time-models.js [runs]
 */
import * as ort from 'onnxruntime-node';
import { loadManifest, verifyModelFile, type ModelEntry } from './manifest.js';

const WARM_UP_RUNS = 3;

async function timeModel(entry: ModelEntry, batch: number, runs: number): Promise<number[]> {
  const session = await ort.InferenceSession.create(verifyModelFile(entry), { intraOpNumThreads: 1, logSeverityLevel: 3 });
  const dims = entry.input.shape.map((d) => (typeof d === 'number' ? d : batch));
  const size = dims.reduce((a, b) => a * b, 1);
  // Values in the model's input range; the timing does not depend on them.
  const input = new ort.Tensor('float32', Float32Array.from({ length: size }, (_, i) => Math.sin(i) * 0.5), dims);
  const times: number[] = [];
  for (let i = 0; i < WARM_UP_RUNS + runs; i++) {
    const started = performance.now();
    await session.run({ [entry.input.name]: input });
    if (i >= WARM_UP_RUNS) times.push(performance.now() - started);
  }
  await session.release();
  return times.sort((a, b) => a - b);
}

async function main(runs: number): Promise<void> {
  console.log(`onnxruntime-node ${ort.env.versions.common}, intraOpNumThreads 1, ${runs} runs after ${WARM_UP_RUNS} warm-up runs`);
  for (const entry of loadManifest().models) {
    const batches = entry.input.shape[0] === 1 ? [1] : [1, 2];
    for (const batch of batches) {
      const times = await timeModel(entry, batch, runs);
      const median = times[Math.floor(times.length / 2)]!;
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      console.log(`${entry.file.padEnd(26)} batch ${batch}  median ${median.toFixed(1).padStart(6)} ms  mean ${mean.toFixed(1).padStart(6)} ms  min ${times[0]!.toFixed(1).padStart(6)} ms`);
    }
  }
}

await main(Number(process.argv[2] ?? 30));
