/**
 * Every way the face engine refuses an input or fails, as a stable code a test or an HTTP handler
 * can switch on, with the status it ends a request with: the image itself (unreadable, unsupported,
 * too large), the face in it (422), or the engine (busy: 503, to come back in a moment). What the
 * person is told is in the catalogs (src/messages/), under the same code.
 */
import { FacegateError, type Said } from '../errors.js';
import { type FACE_ERROR_CODES, say } from '../sentences.js';
import { busyRetryAfterSeconds } from './busy-retry.js';

export type FaceErrorCode = (typeof FACE_ERROR_CODES)[number];

const STATUS_BY_CODE: Record<FaceErrorCode, number> = {
  not_an_image: 400,
  unsupported_format: 415,
  image_too_large: 413,
  no_face: 422,
  several_faces: 422,
  face_too_small: 422,
  too_dark: 422,
  too_blurry: 422,
  busy: 503,
  // The engine's fault, but about this image, and the person may simply try again: not a 500.
  engine_failure: 422,
};

export class FaceError extends FacegateError {
  declare readonly code: FaceErrorCode;
  /** Measured values behind the refusal (a quality score, a pixel count), for logs and tests. */
  readonly detail: Record<string, number | string> | undefined;

  constructor(code: FaceErrorCode, detail?: Record<string, number | string>, said: Said = say(code)) {
    super(code, said, {
      status: STATUS_BY_CODE[code],
      expose: true,
      // The same delay for everyone brings a crowd refused together back together (busy-retry.ts).
      retryAfterSeconds: code === 'busy' ? busyRetryAfterSeconds() : undefined,
    });
    this.detail = detail;
  }

  toJSON(): { code: FaceErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/**
 * The face engine cannot start as configured (a custom embedder's file is missing or not the one
 * pinned, no threshold can be derived): what is wrong and what to do, for one line at startup.
 */
export class FaceSetupError extends FacegateError {
  constructor(message: string) {
    super('face_setup', message);
  }
}
