/**
 * Every way the face engine refuses an input or fails, as a stable code a test or an HTTP handler
 * can switch on, with a message written for the person in front of the camera or the operator.
 */
export const FACE_ERROR_CODES = {
  not_an_image: 'This file is not an image we can read. Send a JPEG, PNG or WebP photo.',
  unsupported_format: 'This image format is not supported. Send a JPEG, PNG or WebP photo.',
  image_too_large: 'This image is too large. Send a smaller photo (a webcam frame is plenty).',
  no_face: 'No face was found. Face the camera, with your whole face in the frame.',
  several_faces: 'More than one face is in view. Make sure only you are in front of the camera.',
  face_too_small: 'Your face is too far from the camera. Come closer.',
  too_dark: 'The picture is too dark. Turn on a light or face a window.',
  too_blurry: 'The picture is blurry. Hold still and make sure the camera is in focus.',
  busy: 'The server is busy verifying other faces. Try again in a moment.',
  engine_failure: 'The face engine failed on this image. Try again; if it keeps happening, tell the operator.',
} as const;

export type FaceErrorCode = keyof typeof FACE_ERROR_CODES;

export class FaceError extends Error {
  override readonly name = 'FaceError';
  readonly code: FaceErrorCode;
  /** Measured values behind the refusal (a quality score, a pixel count), for logs and tests. */
  readonly detail: Record<string, number | string> | undefined;

  constructor(code: FaceErrorCode, detail?: Record<string, number | string>, message?: string) {
    super(message ?? FACE_ERROR_CODES[code]);
    this.code = code;
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
export class FaceSetupError extends Error {
  override readonly name = 'FaceSetupError';
  readonly code = 'face_setup';
}
