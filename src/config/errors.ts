import { FacegateError } from '../errors.js';

/**
 * A configuration that cannot be used. The message is one line: where the value came from (the
 * file and a JSON pointer, or the client_id; or the environment variable), what is wrong and what to do.
 */
export class ConfigError extends FacegateError {
  declare readonly code:
    | 'config_missing'
    | 'config_not_json'
    | 'config_invalid'
    | 'config_client_invalid'
    | 'config_variable_missing'
    | 'config_variable_invalid';

  constructor(
    code: ConfigError['code'],
    readonly file: string,
    readonly where: string,
    problem: string,
    /** Said instead of the file and place when the value came from the environment. */
    origin?: string,
  ) {
    super(code, `${origin ?? `${file}${where ? ` ${where}` : ''}`}: ${problem}`);
  }
}
