/**
 * The error family: each typed error of facegate is a FacegateError with a snake_case code, the
 * status it ends a request with, and whether its message may be shown. The statuses here are the
 * ones the pages' scripts and API clients have been getting; the routes' own tests check them on
 * the wire.
 */
import { expect } from 'chai';
import { AccountNotFoundError, StoreUnavailableError } from '../adapters/errors.js';
import { FrameRequestError } from '../interactions/read-frames.js';
import { ModelInstallError } from '../models/errors.js';
import { ChallengeError } from '../src/access/challenges.js';
import { EnrollmentRefusal } from '../src/access/enrollment.js';
import { CliError, UsageError } from '../src/cli/parse.js';
import { ConfigError } from '../src/config/errors.js';
import { FacegateError } from '../src/errors.js';
import { PairsFormatError } from '../src/eval/lfw-pairs.js';
import { FaceError, FaceSetupError } from '../src/face/errors.js';
import { ModelFileError } from '../src/face/model-files/errors.js';
import { en } from '../src/messages/en.js';
import { FACE_ERROR_CODES, say } from '../src/sentences.js';

describe('the error family', () => {
  const family: [FacegateError, number][] = [
    [new FaceError('no_face'), 422],
    [new FaceError('not_an_image'), 400],
    [new FaceError('unsupported_format'), 415],
    [new FaceError('image_too_large'), 413],
    [new FaceError('busy'), 503],
    [new FaceSetupError('face.embedder.file: no such file'), 500],
    [new ChallengeError('challenge_expired'), 422],
    [new EnrollmentRefusal('not_same_person', say('not_same_person'), 1), 422],
    [new FrameRequestError(413, 'too_many_parts', say('frames.too_many_parts', { max: 12 })), 413],
    [new ConfigError('config_invalid', 'facegate.config.json', '/port', 'must be a number'), 500],
    [new ModelFileError('model_file_missing', '/m.onnx', 'model m is missing'), 500],
    [new ModelInstallError('build_mismatch', 'm', 'built bytes differ'), 500],
    [new StoreUnavailableError('sqlite', new Error('disk I/O error')), 503],
    [new AccountNotFoundError('alice'), 404],
    [new UsageError('give one account id'), 500],
    [new CliError('no account "alice"'), 500],
    [new PairsFormatError('no pairs found'), 500],
  ];

  for (const [error, status] of family) {
    it(`${error.name} ${error.code}: a FacegateError with a snake_case code and status ${status}`, () => {
      expect(error).to.be.instanceOf(FacegateError).and.instanceOf(Error);
      expect(error.code).to.match(/^[a-z]+(_[a-z0-9]+)*$/);
      expect(error.status).to.equal(status);
      // A 4xx (or the face engine's busy) tells the person what to do; a 5xx's message is for the log.
      expect(error.expose).to.equal(status < 500 || error.code === 'busy');
    });
  }

  it('a busy engine says when to come back (1 to 3 s), and the person is told every face error in a sentence of its own', () => {
    expect(new FaceError('busy').retryAfterSeconds).to.be.within(1, 3);
    for (const code of FACE_ERROR_CODES) {
      expect(new FaceError(code).message).to.equal(en[code]);
      expect(new FaceError(code).sentences).to.deep.equal([{ key: code }]);
    }
  });
});
