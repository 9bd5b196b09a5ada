import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FacegateError } from '../errors.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node's parseArgs, with unknown options reported as a usage line instead of a stack trace, and
 * `--help` (or `-h`) anywhere before a `--` answered with the usage, whatever else was given.
 */
export function parse<O extends Options>(args: string[], options: O, usage: string) {
  const beforeEnd = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (beforeEnd.includes('--help') || beforeEnd.includes('-h')) throw new HelpRequested(`usage: ${usage}`);
  try {
    return parseArgs({
      args,
      options: { ...options, config: { type: 'string' } } as O & { config: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nusage: ${usage}`);
  }
}

/** A command line that does not parse: the usage, exit code 2. */
export class UsageError extends FacegateError {
  constructor(message: string) {
    super('cli_usage', message);
  }
}

/** `--help` was asked for: the message is the command's usage, for stdout, and the exit code is 0. */
export class HelpRequested extends Error {
  readonly code = 'help';
}

/** An expected failure (a bad configuration, a missing model): one line on stderr, exit code 1. */
export class CliError extends FacegateError {
  constructor(message: string) {
    super('cli_failure', message);
  }
}
