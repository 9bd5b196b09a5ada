import type { Store } from '../../adapters/contract.js';
import { StoreError } from '../../adapters/errors.js';
import { openStore } from '../../adapters/open.js';
import { ConfigError } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import { locateConfig } from '../config/locate.js';

/**
 * Runs a command against the store the configuration names, closing it afterwards. Expected
 * failures (bad configuration, store down) are one line on stderr and exit code 1.
 */
export async function withStore(configOption: string | undefined, run: (store: Store) => Promise<number>): Promise<number> {
  let store: Store | undefined;
  try {
    store = await openStore(loadConfig(locateConfig(configOption)).storage);
    return await run(store);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StoreError) {
      console.error(`facegate: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await store?.close();
  }
}
