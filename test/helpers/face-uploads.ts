/**
 * What the face pages' scripts send: camera frames of a test face, as one image or as a
 * multipart body of `frame` parts with text fields (the liveness challenge, a typed name).
 */
import { portrait, variants, webcamFrame } from './face-fixtures.js';

/** Three webcam frames of one face, a little different each (as a camera gives them). */
export async function framesOf(face: number): Promise<Buffer[]> {
  const jpeg = await portrait(face);
  return Promise.all([
    webcamFrame(jpeg, 360),
    webcamFrame(jpeg, 330),
    webcamFrame(await variants.recompressed(jpeg), 380),
  ]);
}

/** What the enrolment page sends with its frames once the consent box is ticked, under the default consent.version. */
export const CONSENT = { consent: '1' } as const;

/** Frames as `frame` parts (JPEG), then the fields. */
export function multipart(frames: Buffer[], fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  frames.forEach((frame, i) => form.append('frame', new Blob([frame], { type: 'image/jpeg' }), `frame-${i}.jpg`));
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}
