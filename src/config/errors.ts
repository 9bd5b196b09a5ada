import { FacegateError } from '../errors.js';

/**
 * A configuration that cannot be used. The message is one line: the file, where in it (a JSON
 * pointer, or the client_id), what is wrong and what to do.
 */
export class ConfigError extends FacegateError {
  declare readonly code: 'config_missing' | 'config_not_json' | 'config_invalid' | 'config_client_invalid';

  constructor(
    code: ConfigError['code'],
    readonly file: string,
    readonly where: string,
    problem: string,
  ) {
    super(code, `${file}${where ? ` ${where}` : ''}: ${problem}`);
  }
}
