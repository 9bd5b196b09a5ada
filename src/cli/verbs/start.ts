import type { RunningExampleRp } from '../../../example-rp/server/server.js';
import { locateConfig } from '../../config/locate.js';
import { buildExampleRpIfNeeded, planExampleRp, startExampleRpFor } from '../example-rp-site.js';
import { parse } from '../parse.js';
import { readConfig, reloadOnHangup, startProvider, stopSignal } from '../provider-lifecycle.js';
import { startupNotes } from '../startup-notes.js';
import { startupSummary } from '../startup-summary.js';

const usage = 'facegate start [--config PATH]';

/**
 * `npm start`: the provider and the example RP in this one process, for trying facegate on one
 * machine. One process means one Ctrl-C stops both and one failure stops both; `facegate serve`
 * stays the provider alone, as a deployment runs it.
 */
export async function start(args: string[]): Promise<number> {
  const { values } = parse(args, {}, usage);
  const file = locateConfig(values.config);
  const config = readConfig(file);
  const plan = planExampleRp(config);
  if ('port' in plan) await buildExampleRpIfNeeded();

  const { facegate, logger } = await startProvider(config);
  // Listen before saying "Press Ctrl-C": a Ctrl-C right after it must stop us gracefully.
  const stopped = stopSignal();
  let exampleRp: RunningExampleRp | undefined;
  try {
    if ('port' in plan) exampleRp = await startExampleRpFor(config, plan);
  } catch (error) {
    await facegate.close();
    throw error;
  }
  console.log(
    startupSummary({
      config,
      exampleRp: 'port' in plan ? { url: exampleRp!.url, clientId: plan.clientId } : plan,
      notes: await startupNotes(facegate),
    }).join('\n'),
  );
  const stopReloading = reloadOnHangup(facegate, file, logger);

  const signal = await stopped;
  logger.info({ signal }, 'shutting down: finishing requests in flight');
  stopReloading();
  await Promise.all([exampleRp?.close(), facegate.close()]);
  logger.info('stopped');
  return 0;
}
