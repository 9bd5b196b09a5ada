import { BuildError, ensureBuilt } from '../../example-rp/server/ensure-built.js';
import { startExampleRp, type RunningExampleRp } from '../../example-rp/server/server.js';
import type { FacegateConfig } from '../config/types.js';
import { CliError } from './parse.js';

/** The client the repository's facegate.config.json registers for the example RP. */
export const exampleRpClientId = 'example-rp';

export type ExampleRpPlan = { clientId: string; port: number } | { skipped: string };

/**
 * Where `npm start` runs the example RP: on the localhost port of the registered client's
 * /callback redirect URI, so what runs always matches what the provider accepts.
 */
export function planExampleRp(config: FacegateConfig): ExampleRpPlan {
  const client = config.clients.find((c) => c.client_id === exampleRpClientId);
  if (!client) {
    return {
      skipped: `no client "${exampleRpClientId}" in ${config.file}: register it as the repository's facegate.config.json does`,
    };
  }
  const callback = client.redirect_uris
    .map((uri) => URL.parse(uri))
    .find((url) => url?.protocol === 'http:' && url.hostname === 'localhost' && url.pathname === '/callback');
  if (!callback) {
    return {
      skipped: `client "${exampleRpClientId}" in ${config.file} has no http://localhost:PORT/callback redirect URI to run it on`,
    };
  }
  return { clientId: client.client_id, port: Number(callback.port || 80) };
}

/** Builds the app first when example-rp/dist is missing or older than its sources. */
export async function buildExampleRpIfNeeded(): Promise<void> {
  try {
    await ensureBuilt(undefined, (reason) =>
      console.log(`Building the example RP (${reason === 'missing' ? 'not built yet' : 'its sources changed'})…`),
    );
  } catch (error) {
    if (error instanceof BuildError) throw new CliError(error.message);
    throw error;
  }
}

export async function startExampleRpFor(
  config: FacegateConfig,
  plan: { clientId: string; port: number },
): Promise<RunningExampleRp> {
  try {
    return await startExampleRp({
      authority: config.issuer,
      clientId: plan.clientId,
      port: plan.port,
      host: 'localhost',
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(
        `the example RP's port ${plan.port} is in use (from the redirect_uris of client "${plan.clientId}" in ${config.file}): stop the other server, or register another localhost port there`,
      );
    }
    throw error;
  }
}
