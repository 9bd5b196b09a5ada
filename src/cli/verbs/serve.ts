import { locateConfig } from '../../config/locate.js';
import { parse } from '../parse.js';
import { readConfig, reloadOnHangup, startProvider, stopSignal } from '../provider-lifecycle.js';
import { startupNotes } from '../startup-notes.js';

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
  const stopped = stopSignal();
  const stopReloading = reloadOnHangup(facegate, file, logger);
  for (const line of await startupNotes(facegate)) console.log(`  ${line}`);

  const signal = await stopped;
  logger.info({ signal }, 'shutting down: finishing requests in flight');
  stopReloading();
  await facegate.close();
  logger.info('stopped');
  return 0;
}
