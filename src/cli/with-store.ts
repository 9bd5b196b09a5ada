import type { Store } from '../../adapters/contract.js';
import { openStore } from '../../adapters/open.js';
import { loadConfig } from '../config/load.js';
import { locateConfig } from '../config/locate.js';
import type { FacegateConfig } from '../config/types.js';
import { asCliError } from './expected-errors.js';

/**
 * Runs a command against the store the configuration names, with the configuration read once
 * (and the file it came from), closing the store afterwards. Expected failures (bad
 * configuration, store down) end the command with one line, as every CliError does.
 */
export async function withStore(
  configOption: string | undefined,
  run: (store: Store, config: FacegateConfig, file: string) => Promise<number>,
): Promise<number> {
  let store: Store | undefined;
  try {
    const file = locateConfig(configOption);
    const config = loadConfig(file);
    store = await openStore(config.storage);
    return await run(store, config, file);
  } catch (error) {
    throw asCliError(error);
  } finally {
    await store?.close();
  }
}
