/**
 * The people an evaluation signs in as: for each, one photo animated as the person in front of the
 * camera (the bona fide sequences), their other photos enrolled as their account, and everything
 * an attacker could take from their photos (the flat picture, the posed photos, the face to paste).
 */
import { readFile } from 'node:fs/promises';
import type { FaceEngine } from '../../face/engine.js';
import { filmPoses, performerFrom, type Performer } from './animate.js';
import { AT_REST } from './head-model.js';
import { faceCard } from './face-card.js';
import type { Donor } from './face-paste.js';
import { posedPhotos, type PosedPhoto } from './posed-photos.js';
import type { RgbRaster } from './scene.js';

export interface Subject {
  name: string;
  /** The photo animated as the person themselves. */
  performer: Performer;
  /** Another photo of them, animated by an attacker (the performer's own when there is no other). */
  animatedByAttacker: Performer;
  /** What they are enrolled with: the embeddings of their other photos. */
  enrollment: { file: string; embedding: Float32Array }[];
  /** All their photos and the mirror images, posed: the collage attacker's material. */
  posed: PosedPhoto[];
  /** Their face as a flat picture (printed, or on a phone). */
  card: RgbRaster;
  /** Their face, frontal, for pasting over someone else's. */
  donor: Donor;
}

/**
 * A subject from a person's photos, or undefined when they do not make one: it needs a photo that
 * can be animated (a face with landmarks and room around it) and at least one more to enrol.
 */
export async function subjectFrom(
  engine: FaceEngine,
  name: string,
  files: readonly string[],
  seed: number,
): Promise<Subject | undefined> {
  const posed = await posedPhotos(engine, files);
  // The most frontal photos first: the person looks at the camera when the burst begins.
  const byFrontality = [...files].sort((a, b) => frontality(posed, a) - frontality(posed, b));
  for (const [k, file] of byFrontality.entries()) {
    const performer = await performerFrom(engine, await readFile(file), seed);
    // The person alone in the room: a press photo's neighbours at the edge would make every frame "several faces".
    if (!performer || !(await aloneInFrame(engine, performer))) continue;
    const others = byFrontality.filter((f) => f !== file);
    const enrollment: Subject['enrollment'] = [];
    for (const other of others) {
      try {
        enrollment.push({ file: other, embedding: (await engine.analyze(await readFile(other))).embedding });
      } catch {
        // A photo the engine refuses (no face, several faces, too dark...) is not enrolled.
      }
    }
    if (enrollment.length === 0) return undefined;
    const card = await faceCard(engine, await readFile(file));
    if (!card) return undefined;
    let animatedByAttacker = performer;
    for (const other of others.slice(0, 2)) {
      animatedByAttacker = (await performerFrom(engine, await readFile(other), seed + k + 1)) ?? animatedByAttacker;
      if (animatedByAttacker !== performer) break;
    }
    const donor = {
      raster: performer.scene,
      landmarks68: performer.head.rest().slice(0, performer.head.landmarkCount),
    };
    return { name, performer, animatedByAttacker, enrollment, posed, card, donor };
  }
  return undefined;
}

async function aloneInFrame(engine: FaceEngine, performer: Performer): Promise<boolean> {
  const [frame] = await filmPoses(performer, [{ pose: AT_REST, amount: 0 }], 1);
  return engine.analyzeFrame(frame!).then(
    () => true,
    () => false,
  );
}

/** How far a file's photo is from facing the camera (its unmirrored pose), Infinity when unknown. */
function frontality(posed: readonly PosedPhoto[], file: string): number {
  const photo = posed.find((p) => p.file === file);
  return photo ? Math.hypot(photo.pose.x, (photo.pose.y - MEAN_FRONTAL_Y) * 0.5) : Infinity;
}

/** About where pose.ts puts the nose down a frontal face (eye-to-mouth distances): 0.5 to 0.65 on the photos seen while building this. */
const MEAN_FRONTAL_Y = 0.6;
