import { parseArgs, type ParseArgsConfig } from 'node:util';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** node's parseArgs, with unknown options reported as a usage line instead of a stack trace. */
export function parse<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options: { ...options, config: { type: 'string' } } as O & { config: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nusage: ${usage}`);
  }
}

export class UsageError extends Error {
  readonly code = 'usage';
}

/** An expected failure (a bad configuration, a missing model): one line on stderr, exit code 1. */
export class CliError extends Error {
  readonly code = 'cli';
}
