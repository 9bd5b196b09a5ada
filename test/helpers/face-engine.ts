/** One face engine per test file, on the shipped models and the schema's default face options. */
import { faceDefaults } from '../../src/config/face-options.js';
import type { FaceConfig } from '../../src/config/types.js';
import { FaceEngine } from '../../src/face/engine.js';
import { resolveEngineSpec } from '../../src/face/resolve-spec.js';

export function testFaceOptions(overrides: Partial<FaceConfig> = {}): FaceConfig {
  return { ...faceDefaults(), ...overrides };
}

export function startTestEngine(overrides: Partial<FaceConfig> = {}): Promise<FaceEngine> {
  return FaceEngine.start(resolveEngineSpec(testFaceOptions({ workers: 1, ...overrides }), { baseDir: process.cwd() }));
}
