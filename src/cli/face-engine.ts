/**
 * Starting the face engine for a command-line tool, with the configuration's face options; a
 * bad configuration or a missing or altered model becomes one line that says what to do.
 */
import { faceOptionsFor } from '../config/face-options.js';
import type { FaceConfig } from '../config/types.js';
import { FaceEngine } from '../face/engine.js';
import { resolveEngineSpec } from '../face/resolve-spec.js';
import { asCliError } from './expected-errors.js';

export async function startCliEngine(
  configOption: string | undefined,
  overrides: Partial<FaceConfig> = {},
): Promise<{ engine: FaceEngine }> {
  try {
    const { face, baseDir } = faceOptionsFor(configOption);
    return { engine: await FaceEngine.start(resolveEngineSpec({ ...face, ...overrides }, { baseDir })) };
  } catch (error) {
    throw asCliError(error);
  }
}
