/** What a face worker (or the in-process executor) can be asked to do with an image. */
import type { FacePipeline } from './pipeline.js';

export type Operation = 'analyze' | 'analyzeFrame' | 'analyzeAll' | 'embedCentral';

/** `models`: the older embedders an analysis runs as well (see FacePipeline.analyze). */
export function runOperation(
  pipeline: FacePipeline,
  op: string,
  bytes: Uint8Array,
  models: readonly string[] = [],
): Promise<unknown> {
  switch (op as Operation) {
    case 'analyze':
      return pipeline.analyze(bytes, models);
    case 'analyzeFrame':
      return pipeline.analyzeFrame(bytes, models);
    case 'analyzeAll':
      return pipeline.analyzeAll(bytes);
    case 'embedCentral':
      return pipeline.embedCentral(bytes);
    default:
      return Promise.reject(new Error(`unknown face operation "${op}"`));
  }
}
