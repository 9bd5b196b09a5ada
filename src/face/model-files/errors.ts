/**
 * A model file the face engine cannot load as the manifest names it, as a typed value with a
 * stable code that callers and tests can assert.
 */
import { FacegateError } from '../../errors.js';

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
