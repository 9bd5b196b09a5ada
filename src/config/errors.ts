/**
 * A configuration that cannot be used. The message is one line: the file, where in it (a JSON
 * pointer, or the client_id), what is wrong and what to do.
 */
export class ConfigError extends Error {
  constructor(
    readonly code: 'config_missing' | 'config_not_json' | 'config_invalid' | 'config_client_invalid',
    readonly file: string,
    readonly where: string,
    problem: string,
  ) {
    super(`${file}${where ? ` ${where}` : ''}: ${problem}`);
    this.name = 'ConfigError';
  }
}
