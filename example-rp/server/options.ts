import { parseArgs } from 'node:util';
import type { ExampleRpOptions } from './server.js';

export const usage = 'example-rp [--authority URL] [--client-id ID] [--port N] [--host HOST]';

export class OptionError extends Error {
  readonly code = 'example_rp_option';
}

const wellKnown = '/.well-known/openid-configuration';

/**
 * The example RP's configuration: flags first, then FACEGATE_RP_AUTHORITY, FACEGATE_RP_CLIENT_ID,
 * FACEGATE_RP_PORT and FACEGATE_RP_HOST, then the defaults that match the repository's
 * facegate.config.json. The authority may be given as the issuer or as its discovery URL.
 */
export function exampleRpOptions(args: string[], env: NodeJS.ProcessEnv = process.env): Omit<ExampleRpOptions, 'root'> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        authority: { type: 'string' },
        'client-id': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new OptionError(`${(error as Error).message}; usage: ${usage}`);
  }
  const clientId = values['client-id'] ?? env.FACEGATE_RP_CLIENT_ID ?? 'example-rp';
  if (!clientId)
    throw new OptionError('the client_id is empty: give the one registered with the provider (--client-id)');
  return {
    authority: issuerOf(values.authority ?? env.FACEGATE_RP_AUTHORITY ?? 'http://localhost:3000'),
    clientId,
    port: portNumber(values.port ?? env.FACEGATE_RP_PORT ?? '3001'),
    host: values.host ?? env.FACEGATE_RP_HOST ?? 'localhost',
  };
}

/** The issuer, from an issuer URL or its discovery URL. */
export function issuerOf(authority: string): string {
  const url = URL.parse(authority);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new OptionError(
      `"${authority}" is not an http(s) URL: give the provider's issuer or discovery URL (--authority)`,
    );
  }
  return authority.endsWith(wellKnown) ? authority.slice(0, -wellKnown.length) : authority;
}

function portNumber(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new OptionError(`port "${text}" is not a port number (0 to 65535)`);
  return port;
}
