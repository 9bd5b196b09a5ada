import { ConfigError } from '../../config/errors.js';
import { loadConfig } from '../../config/load.js';
import { locateConfig } from '../../config/locate.js';
import { StoreError } from '../../../adapters/errors.js';
import { createLogger } from '../../server/logger.js';
import { startFacegate } from '../../server/facegate.js';
import { parse } from '../parse.js';
import { firstRunInvitation } from '../../signin/first-run.js';

const usage = 'facegate serve [--config PATH]';

/**
 * Serves until SIGTERM or SIGINT, then shuts down gracefully. SIGHUP re-reads the configuration
 * (clients, scopes, lifetimes, keys from the store); a bad file is logged and the old one kept.
 */
export async function serve(args: string[]): Promise<number> {
  const { values } = parse(args, {}, usage);
  const file = locateConfig(values.config);
  let facegate;
  let logger;
  try {
    const config = loadConfig(file);
    logger = createLogger(config.logLevel);
    facegate = await startFacegate(config, { logger });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StoreError) {
      console.error(`facegate: ${error.message}`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`facegate: ${(error as Error).message}: stop the other server, or set "port" in ${file}`);
      return 1;
    }
    throw error;
  }
  const running = facegate;
  const log = logger;
  const firstLink = await firstRunInvitation(running.store, running.issuer);
  if (firstLink) {
    console.log(`No account yet. Enrol your face (one-time link, valid for an hour):\n  ${firstLink}`);
  }

  const onHangup = () => {
    Promise.resolve().then(() => running.reload(loadConfig(file)))
      .catch((error: Error) => log.error({ err: error.message }, 'reload refused; still serving the previous configuration'));
  };
  process.on('SIGHUP', onHangup);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  log.info({ signal }, 'shutting down: finishing requests in flight');
  process.off('SIGHUP', onHangup);
  await running.close();
  log.info('stopped');
  return 0;
}
