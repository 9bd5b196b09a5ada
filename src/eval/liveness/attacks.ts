/**
 * Presentation attacks, rendered from one photo the way a camera would see them, performing a
 * challenge as best a flat picture can (ISO/IEC 30107-3 calls each rendering a presentation):
 * - still: the photo held still in front of the camera, with sensor noise (a static video);
 * - card: the photo turned and tilted as a flat card for each move, as a printed photo is waved;
 * - moved: the photo slid and scaled across the frame for each move;
 * - phone: the photo on a phone's screen, with a bezel and glare, turned like the card.
 */
import type { Step } from '../../face/liveness/challenge.js';
import { encodeFrame, inPhone, renderCard, type CardPose, type RgbRaster } from './scene.js';
import { beats, type Beat } from './timeline.js';

export const FLAT_ATTACKS = ['still', 'card', 'moved', 'phone'] as const;
export type FlatAttack = (typeof FLAT_ATTACKS)[number];

const FACE_HEIGHT = 300;

/** The card pose a flat picture takes to mimic a beat of the challenge. */
function turned(beat: Beat): CardPose {
  const pose: CardPose = { yaw: 0, pitch: 0, dx: 0, dy: 0, height: FACE_HEIGHT };
  // The person's left is the camera's right: turning the card's face towards the camera's right.
  if (beat.move === 'left') return { ...pose, yaw: -60 * beat.amount, dx: 40 * beat.amount };
  if (beat.move === 'right') return { ...pose, yaw: 60 * beat.amount, dx: -40 * beat.amount };
  if (beat.move === 'up') return { ...pose, pitch: 45 * beat.amount, dy: -30 * beat.amount };
  return pose;
}

function slid(beat: Beat): CardPose {
  const pose: CardPose = { yaw: 0, pitch: 0, dx: 0, dy: 0, height: FACE_HEIGHT };
  if (beat.move === 'left') return { ...pose, dx: 140 * beat.amount, height: FACE_HEIGHT * (1 - 0.15 * beat.amount) };
  if (beat.move === 'right') return { ...pose, dx: -140 * beat.amount, height: FACE_HEIGHT * (1 - 0.15 * beat.amount) };
  if (beat.move === 'up') return { ...pose, dy: -90 * beat.amount, height: FACE_HEIGHT * (1 + 0.15 * beat.amount) };
  return pose;
}

export async function flatAttackFrames(
  type: FlatAttack,
  photo: RgbRaster,
  steps: readonly Step[],
  seed: number,
): Promise<Buffer[]> {
  const card = type === 'phone' ? inPhone(photo) : photo;
  return Promise.all(
    beats(steps).map((beat, i) => {
      const noiseSeed = seed * 1000 + i + 1;
      switch (type) {
        case 'still':
          return encodeFrame(renderCard(card, turned({ move: 'centre', amount: 0 }), { noiseSeed }));
        case 'card':
          return encodeFrame(renderCard(card, turned(beat), { noiseSeed }));
        case 'moved':
          return encodeFrame(renderCard(card, slid(beat), { noiseSeed }));
        case 'phone':
          return encodeFrame(
            renderCard(card, { ...turned(beat), height: FACE_HEIGHT * 1.2 }, { noiseSeed, glare: 0.35 }),
          );
      }
    }),
  );
}
