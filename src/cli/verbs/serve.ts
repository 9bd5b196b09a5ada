import { locateConfig } from '../../config/locate.js';
import { parse } from '../parse.js';
import { readConfig, reloadOnHangup, startProvider, stopSignal } from '../provider-lifecycle.js';
import { FIRST_ACCOUNT, noAccountYet } from '../../access/first-run.js';

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
  // No link here: this output goes to service logs, and a link is a credential.
  if (await noAccountYet(facegate.store).catch(() => false)) {
    logger.warn(
      `no account exists yet, so nobody can sign in: print a one-time enrolment link for the first one with \`facegate invite ${FIRST_ACCOUNT} --config ${file}\``,
    );
  }

  const signal = await stopped;
  logger.info({ signal }, 'shutting down: finishing requests in flight');
  stopReloading();
  await facegate.close();
  logger.info('stopped');
  return 0;
}
