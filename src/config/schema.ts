import { readFileSync } from 'node:fs';

/** The published JSON Schema (editors read the same file through the config's "$schema"). */
export const configSchema: object = JSON.parse(
  readFileSync(new URL('../../../src/config/facegate.config.schema.json', import.meta.url), 'utf8'),
);
