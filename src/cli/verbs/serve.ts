import { locateConfig } from '../../config/locate.js';
import { parse } from '../parse.js';
import { readConfig, reloadOnHangup, startProvider, stopSignal } from '../provider-lifecycle.js';

const usage = 'facegate serve [--config PATH]';

/**
 * The provider alone, as in production. Serves until SIGTERM or SIGINT, then shuts down
 * gracefully; SIGHUP re-reads the configuration. (`npm start` runs `facegate start`, which adds
 * the example RP.)
 */
export async function serve(args: string[]): Promise<number> {
  const { values } = parse(args, {}, usage);
  const file = locateConfig(values.config);
  const { facegate, logger } = await startProvider(readConfig(file));
  const stopReloading = reloadOnHangup(facegate, file, logger);

  const signal = await stopSignal();
  logger.info({ signal }, 'shutting down: finishing requests in flight');
  stopReloading();
  await facegate.close();
  logger.info('stopped');
  return 0;
}
