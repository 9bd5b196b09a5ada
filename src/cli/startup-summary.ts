import type { FacegateConfig } from '../config/types.js';

export interface StartupFacts {
  config: FacegateConfig;
  /** The example RP's URL and client, or why it was not started. */
  exampleRp: { url: string; clientId: string } | { skipped: string };
  /** More lines from other parts (src/cli/startup-notes.ts). */
  notes: string[];
}

/** What `npm start` prints once everything listens: where to point an RP, where to click, where data is. */
export function startupSummary({ config, exampleRp, notes }: StartupFacts): string[] {
  const rows: [string, string][] = [
    ['Issuer', config.issuer],
    ['Discovery', discoveryUrl(config.issuer)],
    [
      'Example RP',
      'url' in exampleRp ? `${exampleRp.url} (client_id ${exampleRp.clientId})` : `not started: ${exampleRp.skipped}`,
    ],
    ['Data', dataLocation(config.storage)],
  ];
  return [
    'facegate is ready',
    ...rows.map(([label, value]) => `  ${`${label}:`.padEnd(12)}${value}`),
    ...notes.map((note) => `  ${note}`),
    'Press Ctrl-C to stop.',
  ];
}

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
}

/** Where the store keeps accounts, templates and keys; a Redis or PostgreSQL URL without its credentials. */
export function dataLocation(storage: FacegateConfig['storage']): string {
  if (storage.type === 'sqlite') return `${storage.file} (SQLite)`;
  const url = new URL(storage.url);
  url.username = '';
  url.password = '';
  if (storage.type === 'postgres')
    return `${url.href} (PostgreSQL${storage.schema ? `, schema "${storage.schema}"` : ''})`;
  return `${url.href} (Redis${storage.keyPrefix ? `, keys under "${storage.keyPrefix}"` : ''})`;
}
