import { expect } from 'chai';
import { ConfigError } from '../../src/config/errors.js';

/** The ConfigError `run` throws; the test fails if it throws nothing, or something else. */
export function configFailure(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}
