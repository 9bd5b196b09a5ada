/** The facegate.config.json of a bench server: the bench client, liveness off, production face settings unless told. */
import { benchClient } from './relying-party.js';
import type { ServerConfig } from './child-server.js';

export function benchConfig(
  port: number,
  storage: Record<string, unknown>,
  face: Record<string, unknown> = {},
  issuerPort = port,
): ServerConfig {
  return {
    issuer: `http://localhost:${issuerPort}`,
    port,
    host: 'localhost',
    logLevel: 'info',
    storage,
    clients: [benchClient],
    // One snapshot per attempt: a liveness burst needs a person really turning their head, which
    // the npm-shipped photos cannot do (see the README's bench:load section).
    face: { liveness: 'off', ...face },
  };
}
