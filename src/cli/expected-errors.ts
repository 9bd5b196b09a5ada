/**
 * Failures an operator can fix, each with a message that says how: they end a command with one
 * line on stderr (a CliError), never a stack trace.
 */
import { StoreError } from '../../adapters/errors.js';
import { ModelFileError } from '../face/model-files/errors.js';
import { ConfigError } from '../config/errors.js';
import { FaceSetupError } from '../face/errors.js';
import { CliError } from './parse.js';

export function asCliError(error: unknown): unknown {
  const expected =
    error instanceof ConfigError ||
    error instanceof StoreError ||
    error instanceof ModelFileError ||
    error instanceof FaceSetupError;
  return expected ? new CliError((error as Error).message) : error;
}
