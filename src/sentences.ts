/**
 * What facegate tells the person in front of the browser, in one place, keyed by the code of what
 * happened (an error's `code`, or the step the page is at), so that the pages can be translated
 * by replacing this module. Operators' messages (configuration, models, the command line) stay
 * with their errors: they name files and options, not what to do in front of a camera.
 */
import type { LivenessFailure } from './face/liveness/burst-check.js';

/** Whatever sends pictures to the face engine meets these. */
export const FACE_SENTENCES = {
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

export const SENTENCES = {
  ...FACE_SENTENCES,
  /** not_an_image, when there were no bytes at all, or the decoder stopped in the pixels. */
  empty_image: 'The image is empty. Send a JPEG, PNG or WebP photo.',
  damaged_image: 'This image is damaged or incomplete. Take or send the photo again.',

  // A liveness challenge that the burst cannot answer.
  challenge_invalid: 'This check does not belong to this page. Press the button to start a new one.',
  challenge_expired: 'The check took too long. Press the button to start a new one.',
  challenge_replayed: 'This check was used already. Press the button to start a new one.',
  challenge_superseded:
    'A newer check was started for this page, so this one no longer counts. Press the button to start a new one.',

  // Sign-in.
  not_recognised:
    'We could not recognise you. Face the camera in good light and try again; if it keeps failing, you may not be enrolled yet: ask for an enrolment link.',
  not_live:
    'We could not confirm a live person. Follow the prompts on the screen: turn your head as asked, slowly, then back to the camera.',
  account_required:
    'Too many people are enrolled here to recognise you by your face alone: type your account name, then verify again.',
  presentation_attack:
    'This looks like a photo or a screen rather than a live face. Face the camera yourself, in even light, with no screen, print or strong reflection in view, and try again.',
  liveness_required: 'This sign-in needs the live check: press “Verify my identity” and follow the prompts.',
  ended: 'Too many failed attempts: this sign-in has ended. You are being sent back to the application.',

  // Enrolment.
  enrolled: 'Your face is enrolled. You can now sign in with it.',
  invalid_link: 'This enrolment link is not valid: it may have expired or been used already. Ask for a new one.',
  link_spent: 'This link cannot be used again: ask whoever sent it for a new one.',
  liveness_off: 'This enrolment takes plain pictures: no challenge.',
  enrollment_refused: 'This enrolment cannot be completed: ask whoever sent you the link.',
  not_same_person: 'These pictures do not all show the same person. Take them again, alone in front of the camera.',
  not_account_holder:
    'These pictures do not match the face already enrolled for this account: only its owner can add to it. Try again in good light; to enrol a different face in its place, ask for a link that replaces it.',
  already_enrolled: 'This face is already enrolled under another account. Ask the administrator for help.',
  too_few_frames:
    'Not enough pictures showed your face from the front. Try again, facing the camera between the moves.',

  // The sign-in's interaction, and the service itself.
  interaction_expired:
    'This sign-in page is no longer valid: it was left open too long, finished already, or opened in another browser.',
  start_again: 'Go back to the application and sign in again.',
  not_waiting_for_face: 'this sign-in is not waiting for a face',
  not_waiting_for_consent: 'this sign-in is not waiting for consent',
  other_interaction: 'this page belongs to another sign-in: start again from the application',
  server_error: 'The sign-in service had a problem. Try again in a moment.',
  temporarily_unavailable: 'The sign-in service cannot reach its storage. Try again in a moment.',
  invalid_client: 'The application that sent you here is not registered with this sign-in service.',
  invalid_redirect_uri: 'The application asked to send you back to an address it has not registered.',
  request_failed: 'The request could not be completed.',
} as const;

export type SentenceCode = keyof typeof SENTENCES;

/**
 * not_live, by why (the audit keeps the exact reason; the page gets only what helps a real person
 * do better, not which check an attacker tripped).
 */
export function notLiveSentence(reason: LivenessFailure): string {
  switch (reason) {
    case 'too_close':
      return 'We could not confirm a live person: you are too close to the camera. Move back a little, so that your whole head fits the oval with some of the room around it, and try again.';
    case 'scene_changed':
    case 'not_same_person':
    case 'repeated_frames':
    case 'mirrored_frames':
      return 'We could not confirm a live person. Keep your face in the oval and turn slowly, alone in front of the camera, holding the camera still; then try again.';
    case 'wrong_frame_count':
      return 'The page sent a different number of pictures than the check asked for. Reload the page and try again.';
    default:
      return SENTENCES.not_live;
  }
}

/** too_many_attempts: when to come back, in words. */
export function tooManyAttemptsSentence(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many attempts. Wait ${wait} and try again.`;
}

/** Plain pictures: how many an enrolment needs. */
export function tooFewPicturesSentence(min: number): string {
  return `Send at least ${min} pictures.`;
}

/** What is wrong with a request's frames, and what to send instead (the upload itself, before any face is looked at). */
export const FRAME_SENTENCES = {
  empty_body: () => 'The request has no image: send the camera frame as the body.',
  unsupported_media_type: (type: string) =>
    `Send the frame as image/jpeg (or several as multipart/form-data), not ${type || 'an untyped body'}.`,
  /** bad_multipart, when the Content-Type names no boundary. */
  no_boundary: () =>
    'The multipart body has no boundary in its Content-Type: send the frames as multipart/form-data with a boundary (as FormData does), or one frame as image/jpeg.',
  bad_multipart: () =>
    'The multipart body could not be read (it is malformed or cut off): send the frames again as multipart/form-data.',
  field_too_long: (name: string) => `The field "${name.slice(0, 40)}" is too long: send at most 256 characters.`,
  no_frames: () => 'The request has no frame: send parts named "frame".',
  too_many_frames: (max: number) => `Too many frames: send at most ${max}.`,
  too_many_parts: (max: number) => `Too many parts: send at most ${max} frames.`,
  frame_too_large: (maxBytes: number) =>
    `A frame is larger than ${maxBytes} bytes: send webcam frames (JPEGs of a few hundred kB at most).`,
  body_too_large: (maxBytes: number) =>
    `The upload is larger than ${maxBytes} bytes: send one webcam frame (a JPEG of a few hundred kB at most).`,
  body_unreadable: (reason: string) => `The upload broke off: ${reason}`,
} as const;
