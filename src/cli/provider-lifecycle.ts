import { loadConfig } from '../config/load.js';
import type { FacegateConfig } from '../config/types.js';
import { startFacegate, type Facegate } from '../server/facegate.js';
import { createLogger, type Logger } from '../server/logger.js';
import { CliError } from './parse.js';
import { asCliError } from './expected-errors.js';

/**
 * The provider's life as the long-running verbs (`serve`, `start`) live it: read the
 * configuration, start, reload on SIGHUP, stop on SIGTERM or SIGINT. Expected startup failures
 * become CliErrors: one line on stderr that says what to do.
 */
export function readConfig(file: string): FacegateConfig {
  try {
    return loadConfig(file);
  } catch (error) {
    throw asCliError(error);
  }
}

export async function startProvider(config: FacegateConfig): Promise<{ facegate: Facegate; logger: Logger }> {
  const logger = createLogger(config.logLevel);
  try {
    return { facegate: await startFacegate(config, { logger }), logger };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(`${(error as Error).message}: stop the other server, or set "port" in ${config.file}`);
    }
    throw asCliError(error);
  }
}

/**
 * SIGHUP re-reads the configuration (clients, scopes, lifetimes, keys from the store); a bad file
 * is logged and the running one kept. Returns the function that stops listening for it.
 */
export function reloadOnHangup(facegate: Facegate, file: string, logger: Logger): () => void {
  const onHangup = () => {
    Promise.resolve()
      .then(() => facegate.reload(loadConfig(file)))
      .catch((error: Error) =>
        logger.error({ err: error.message }, 'reload refused; still serving the previous configuration'),
      );
  };
  process.on('SIGHUP', onHangup);
  return () => process.off('SIGHUP', onHangup);
}

/** Resolves with the first SIGTERM or SIGINT (Ctrl-C). */
export function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
}
