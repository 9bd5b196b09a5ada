import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { parseAllowList } from '../metrics/allow-list.js';
import { describeSchemaError } from './describe-schema-error.js';
import { applyEnvironment, expandReferences, type Origins, originOf } from './environment.js';
import { ConfigError } from './errors.js';
import { passkeyRpIdProblem } from './passkey-rp-id.js';
import { configSchema } from './schema.js';
import type { FacegateConfig } from './types.js';

const ajv = new Ajv({ useDefaults: true, discriminator: true, allowUnionTypes: true, verbose: true, strict: true });
const validate = ajv.compile(configSchema);

/**
 * Reads the configuration file, fills in its `${NAME}` references and the settings given by
 * environment variables (src/config/environment.ts), and validates the result, applying defaults
 * as it validates. Anything wrong throws a ConfigError whose one-line message names where the value
 * came from (the file and the place, or the variable) and what to do.
 * Clients are checked here against our schema; oidc-provider's own client checks run when the
 * provider is built (src/oidc/check-clients.ts).
 */
export function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): FacegateConfig {
  const origins: Origins = new Map();
  const data = applyEnvironment(expandReferences(readJson(file), file, env, origins), file, env, origins);
  return validateConfig(data, file, origins);
}

export function validateConfig(data: unknown, file: string, origins: Origins = new Map()): FacegateConfig {
  if (!validate(data)) {
    const [error] = validate.errors!;
    const pointer = error!.instancePath;
    const origin = originOf(origins, pointer);
    // A value from a variable may be a secret, and so may a client secret or a URL's password.
    const problem = describeSchemaError(error!, origin !== undefined || isSecretPlace(pointer, error!.data));
    if (origin && !origin.reference) {
      throw new ConfigError(
        'config_invalid',
        file,
        pointer,
        problem,
        `environment variable ${origin.variable} (setting ${pointer || '/'})`,
      );
    }
    const reference = origin ? ` (from \${${origin.variable}})` : '';
    throw new ConfigError('config_invalid', file, `${where(data, pointer)}${reference}`, problem);
  }
  const written = data as Omit<FacegateConfig, 'file' | 'proxy' | 'passkeys'> & {
    proxy: boolean | number;
    passkeys: Omit<FacegateConfig['passkeys'], 'rpId'> & { rpId?: string };
  };
  const config: FacegateConfig = {
    ...written,
    proxy: proxyHops(written.proxy),
    passkeys: { ...written.passkeys, rpId: written.passkeys.rpId ?? new URL(written.issuer).hostname },
    file,
  };
  checkClientIdsUnique(config);
  checkDevelopmentRelaxation(config);
  checkMetricsAllowList(config);
  checkPasskeyRpId(config);
  if (config.storage.type === 'sqlite') {
    config.storage = { ...config.storage, file: resolve(dirname(file), config.storage.file) };
  }
  return config;
}

/** `proxy` as a number of trusted hops: true is one proxy, false none. */
function proxyHops(proxy: boolean | number): number {
  return typeof proxy === 'number' ? proxy : proxy ? 1 : 0;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ConfigError(
      'config_missing',
      file,
      '',
      `${reason}: create it (the repository's facegate.config.json is a start), or name another with --config PATH or FACEGATE_CONFIG`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError('config_not_json', file, '', `not JSON (${(error as Error).message}): fix the syntax`);
  }
}

function isSecretPlace(pointer: string, value: unknown): boolean {
  return (
    pointer.endsWith('/client_secret') ||
    (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i.test(value))
  );
}

/** The JSON pointer, plus the client_id when the place is inside a client. */
function where(data: unknown, pointer: string): string {
  const client = /^\/clients\/(\d+)/.exec(pointer);
  const clientId = client && (data as { clients?: { client_id?: unknown }[] }).clients?.[Number(client[1])]?.client_id;
  return `${pointer || '/'}${typeof clientId === 'string' ? ` (client "${clientId}")` : ''}`;
}

function checkClientIdsUnique(config: FacegateConfig): void {
  const seen = new Set<string>();
  config.clients.forEach((client, i) => {
    if (seen.has(client.client_id)) {
      throw new ConfigError(
        'config_invalid',
        config.file,
        `/clients/${i}/client_id (client "${client.client_id}")`,
        'registered twice: give each client its own client_id',
      );
    }
    seen.add(client.client_id);
  });
}

/** The relaxation is for a developer's own machine: refuse it on any other issuer. */
function checkDevelopmentRelaxation(config: FacegateConfig): void {
  if (config.development.allowHttpLocalhostImplicitRedirectUris && !isLocalhostHttp(config.issuer)) {
    throw new ConfigError(
      'config_invalid',
      config.file,
      '/development/allowHttpLocalhostImplicitRedirectUris',
      `is only accepted when the issuer is http://localhost (it is ${config.issuer}): remove it`,
    );
  }
}

function checkMetricsAllowList(config: FacegateConfig): void {
  config.metrics.allowFrom.forEach((entry, i) => {
    try {
      parseAllowList([entry]);
    } catch (error) {
      throw new ConfigError(
        'config_invalid',
        config.file,
        `/metrics/allowFrom/${i}`,
        `${(error as Error).message}: write an address or a range`,
      );
    }
  });
}

/** Passkeys the issuer's pages could never use would be offered to everyone and fail: refuse at the start. */
function checkPasskeyRpId(config: FacegateConfig): void {
  if (!config.passkeys.enabled) return;
  const problem = passkeyRpIdProblem(config.passkeys.rpId, config.issuer);
  if (problem) throw new ConfigError('config_invalid', config.file, '/passkeys/rpId', problem);
}

export function isLocalhostHttp(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && parsed.hostname === 'localhost';
}
