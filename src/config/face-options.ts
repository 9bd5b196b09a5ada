/**
 * The face options a command-line tool runs with: the configuration file's when there is one,
 * else the schema's defaults (so `facegate embed photo.jpg` works in any folder).
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { Ajv } from 'ajv';
import { loadConfig } from './load.js';
import { locateConfig } from './locate.js';
import { configSchema } from './schema.js';
import type { FaceConfig } from './types.js';

export function faceDefaults(): FaceConfig {
  const schema = configSchema as { properties: { face: object }; definitions: object };
  const validate = new Ajv({ useDefaults: true, allowUnionTypes: true, strict: false }).compile({
    ...schema.properties.face,
    definitions: schema.definitions,
  });
  const face = {};
  if (!validate(face)) throw new Error('the face section of the configuration schema does not accept its own defaults');
  return face as FaceConfig;
}

/** Face options and the folder their relative paths are relative to. */
export function faceOptionsFor(configOption: string | undefined): { face: FaceConfig; baseDir: string } {
  const file = locateConfig(configOption);
  if (configOption === undefined && !process.env.FACEGATE_CONFIG && !existsSync(file)) {
    return { face: faceDefaults(), baseDir: process.cwd() };
  }
  return { face: loadConfig(file).face, baseDir: dirname(file) };
}
