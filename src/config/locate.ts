import { resolve } from 'node:path';

export const defaultConfigFile = 'facegate.config.json';

/** Which configuration file to read: `--config PATH`, else FACEGATE_CONFIG, else ./facegate.config.json. */
export function locateConfig(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(option ?? env.FACEGATE_CONFIG ?? defaultConfigFile);
}
