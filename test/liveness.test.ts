import { expect } from 'chai';
import { meanFacePoint } from '../src/face/align/mean-face.js';
import type { Point } from '../src/face/geometry/similarity.js';
import { checkBurst } from '../src/face/liveness/burst-check.js';
import { flipped } from '../src/face/liveness/mirror.js';
import { randomMoves, randomTimeline, timelineSplits, type Move, type Step } from '../src/face/liveness/challenge.js';
import { SCENE_GRID, sceneChange } from '../src/face/liveness/scene.js';
import { facePose } from '../src/face/liveness/pose.js';
import { livenessSettings } from '../src/face/liveness/settings.js';
import type { FaceAnalysis } from '../src/face/pipeline.js';
import { normalise } from '../src/face/embed/vectors.js';
import { Challenges } from '../src/access/challenges.js';
import { openStore } from '../adapters/open.js';
import { temporaryFolder } from './helpers/stores.js';
import { join } from 'node:path';

/** dlib's mean face as 68 landmarks, 200 px wide (the jaw, which the pose ignores, on a line below). */
function frontalLandmarks(): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < 68; i++) {
    const [x, y] = i >= 17 ? meanFacePoint(i) : [i / 16, 1.1];
    points.push([100 + 200 * x, 80 + 200 * y]);
  }
  return points;
}

/** The landmarks of a head turned (nose moved across the face by `yaw` eye distances) or tilted. */
function posed(yaw: number, pitch = 0): Point[] {
  const points = frontalLandmarks();
  const eye = (a: number, b: number) =>
    points.slice(a, b + 1).reduce((s, p) => [s[0] + p[0] / 6, s[1] + p[1] / 6], [0, 0]);
  const [r, l] = [eye(36, 41), eye(42, 47)];
  const mouth = [(points[48][0] + points[54][0]) / 2, (points[48][1] + points[54][1]) / 2];
  const centre = [(r[0] + l[0]) / 2, (r[1] + l[1]) / 2];
  const [nx, ny] = points[30];
  points[30] = [
    nx + yaw * (l[0] - r[0]) + pitch * (mouth[0] - centre[0]),
    ny + yaw * (l[1] - r[1]) + pitch * (mouth[1] - centre[1]),
  ];
  return points;
}

function affine(points: Point[], [a, b, c, d, e, f]: number[]): Point[] {
  return points.map(([x, y]) => [a! * x + b! * y + c!, d! * x + e! * y + f!]);
}

const person = normalise(Float32Array.from({ length: 128 }, (_, i) => Math.sin(i + 1)));
const stranger = normalise(Float32Array.from({ length: 128 }, (_, i) => Math.cos(3 * i)));

/** A room as the scene grid samples it: smooth shapes of colour (`seed` picks which). */
function room(seed: number): Uint8Array {
  return Uint8Array.from({ length: SCENE_GRID.width * SCENE_GRID.height * 3 }, (_, k) => {
    const cell = Math.floor(k / 3),
      x = cell % SCENE_GRID.width,
      y = Math.floor(cell / SCENE_GRID.width);
    return Math.round(
      120 + 50 * Math.sin(x / (2 + seed) + seed) * Math.cos(y / (3 + seed)) + 20 * Math.sin((x + y) / 5 + (k % 3)),
    );
  });
}
const ROOM = room(1);
const OTHER_ROOM = room(2);
const FACE_BOX = { x: 220, y: 120, width: 200, height: 200 };

function frame(landmarks68: Point[], i: number, embedding = person, scene = ROOM, box = FACE_BOX): FaceAnalysis {
  return {
    image: { width: 640, height: 480 },
    box,
    score: 0.9,
    keypoints: [],
    landmarks68,
    eyeDistancePx: 80,
    quality: { brightness: 120, sharpness: 0.2 },
    embedding,
    embeddings: { person: embedding },
    thumbnail: Uint8Array.from({ length: 256 }, (_, k) => (k * 7 + i * 31) % 256),
    scene,
    timings: { decode: 0, detect: 0, align: 0, embed: 0 },
  };
}

/** The landmarks of a pose of the timeline: a move at `amount` eye distances of nose travel, or facing the camera. */
function poseOf(move: Move | 'down' | 'centre', amount: number): Point[] {
  if (move === 'left') return posed(amount);
  if (move === 'right') return posed(-amount);
  if (move === 'up') return posed(0, -amount);
  if (move === 'down') return posed(0, amount);
  return posed(0);
}

/** A burst showing `shown` step by step (a move step's first frame caught on the way). */
function burst(shown: readonly Step[], amount = 0.3): FaceAnalysis[] {
  return shown
    .flatMap((step) =>
      Array.from({ length: step.frames }, (_, f) => poseOf(step.move, f === 0 ? amount * 0.8 : amount)),
    )
    .map((l, i) => frame(l, i));
}

const timeline = (moves: readonly Move[]): Step[] => randomTimeline(moves, () => 0);
const settings = livenessSettings({ metric: 'euclidean' });

describe('liveness: head pose from landmarks', () => {
  it('is unchanged by any affine transform of a flat picture (moved, scaled, turned, tilted, sheared)', () => {
    const base = facePose({ keypoints: [], landmarks68: posed(0.1, 0.05) });
    for (const t of [
      [0.6, 0, 40, 0, 1, -20],
      [1.3, 0.2, 0, -0.2, 1.3, 10],
      [0.5, 0.3, 12, 0.1, 1.1, 0],
      [-0.9, 0.1, 300, 0.05, 0.8, 5],
    ]) {
      const moved = facePose({ keypoints: [], landmarks68: affine(posed(0.1, 0.05), t) });
      expect(moved.x).to.be.closeTo(base.x, 1e-9);
      expect(moved.y).to.be.closeTo(base.y, 1e-9);
    }
  });

  it('follows the nose across the face (yaw) and down it (pitch)', () => {
    const frontal = facePose({ keypoints: [], landmarks68: posed(0) });
    expect(facePose({ keypoints: [], landmarks68: posed(0.25) }).x - frontal.x).to.be.closeTo(0.25, 1e-9);
    expect(facePose({ keypoints: [], landmarks68: posed(0, -0.2) }).y - frontal.y).to.be.closeTo(-0.2, 1e-9);
  });
});

describe('liveness: the burst check', () => {
  const leftUp = timeline(['left', 'up']);

  it('accepts a burst that performs the challenge on its timeline, and names its frames facing the camera', () => {
    const verdict = checkBurst(burst(leftUp), leftUp, settings);
    expect(verdict.kind).to.equal('live');
    // Timeline: centre 2, left 3, centre 1, up 3, centre 1.
    if (verdict.kind === 'live') expect(verdict.frontal).to.deep.equal([0, 1, 5, 9]);
  });

  it('refuses a burst with more or fewer frames than the timeline asked for', () => {
    const frames = burst(leftUp);
    expect(checkBurst([...frames, frames[9]], leftUp, settings)).to.include({
      kind: 'not_live',
      reason: 'wrong_frame_count',
    });
    expect(checkBurst(frames.slice(0, 9), leftUp, settings)).to.include({
      kind: 'not_live',
      reason: 'wrong_frame_count',
    });
  });

  it('refuses the moves in the wrong order, an extra move, or a missing one', () => {
    const asked = timeline(['left', 'right']);
    expect(checkBurst(burst(timeline(['right', 'left'])), asked, settings)).to.include({
      kind: 'not_live',
      reason: 'wrong_movement',
    });
    const extra = burst(asked);
    extra[5] = frame(poseOf('down', 0.3), 5);
    expect(checkBurst(extra, asked, settings)).to.include({ kind: 'not_live', reason: 'wrong_movement' });
    const missing = burst([
      { move: 'centre', frames: 2 },
      { move: 'left', frames: 3 },
      { move: 'centre', frames: 5 },
    ]);
    expect(checkBurst(missing, asked, settings)).to.include({ kind: 'not_live', reason: 'wrong_movement' });
  });

  it('refuses the right moves on another timeline (a burst recorded for another challenge)', () => {
    const [other] = timelineSplits(2)
      .slice(-1)
      .map(
        (split) =>
          [
            { move: 'centre', frames: 2 },
            { move: 'left', frames: split[0] },
            { move: 'centre', frames: split[1] },
            { move: 'up', frames: split[2] },
            { move: 'centre', frames: split[3] },
          ] as Step[],
      );
    const frames = burst(other!).slice(0, 10);
    expect(checkBurst(frames, leftUp, settings)).to.include({ kind: 'not_live', reason: 'wrong_movement' });
  });

  it("tolerates a late start (a move's first frame still facing the camera), not a late return", () => {
    const late = burst(leftUp);
    late[2] = frame(poseOf('centre', 0), 2);
    expect(checkBurst(late, leftUp, settings).kind).to.equal('live');
    const stillTurned = burst(leftUp);
    stillTurned[5] = frame(poseOf('left', 0.3), 5);
    expect(checkBurst(stillTurned, leftUp, settings)).to.include({ kind: 'not_live', reason: 'wrong_movement' });
  });

  it('refuses a still face, and moves too small to be deliberate', () => {
    const still = Array.from({ length: 10 }, (_, i) => frame(posed(0), i));
    expect(checkBurst(still, leftUp, settings)).to.include({ kind: 'not_live', reason: 'no_movement' });
    expect(checkBurst(burst(leftUp, 0.08), leftUp, settings)).to.include({ kind: 'not_live', reason: 'no_movement' });
  });

  it('does not count a move seen in one frame only (landmark noise)', () => {
    const frames = burst(leftUp);
    frames[3] = frame(posed(0), 3);
    frames[4] = frame(posed(0), 4);
    expect(checkBurst(frames, leftUp, settings)).to.include({ kind: 'not_live', reason: 'wrong_movement' });
  });

  it('refuses too few frames with a face', () => {
    const frames: (FaceAnalysis | undefined)[] = burst(leftUp);
    for (const i of [2, 3, 6, 7, 8]) frames[i] = undefined;
    expect(checkBurst(frames, leftUp, settings)).to.include({ kind: 'not_live', reason: 'too_few_frames' });
  });

  it('refuses repeated frames (a still picture replayed)', () => {
    const frames = burst(leftUp).map((f) => ({ ...f, thumbnail: new Uint8Array(256).fill(80) }));
    expect(checkBurst(frames, leftUp, settings)).to.include({ kind: 'not_live', reason: 'repeated_frames' });
  });

  it('refuses a turn that is the mirror image of the other (one turned photo, flipped for the other side)', () => {
    const leftRight = timeline(['left', 'right']);
    const frames = burst(leftRight);
    const labels = leftRight.flatMap((step) => Array.from({ length: step.frames }, () => step.move));
    // A face lit from one side, its parting on the other: no face is its own mirror image.
    // Each frame its own sensor noise, so that no two are the same picture.
    const face = (i: number) =>
      Uint8Array.from(
        { length: 256 },
        (_, k) => 60 + (k % 16) * 6 + (k % 16 < 5 && k > 40 ? 50 : 0) + ((k * 13 + i * 7) % 5),
      );
    const mirrored = frames.map((f, i) =>
      labels[i] === 'left'
        ? { ...f, thumbnail: face(i) }
        : labels[i] === 'right'
          ? { ...f, thumbnail: flipped(face(i)) }
          : f,
    );
    expect(checkBurst(mirrored, leftRight, settings)).to.include({ kind: 'not_live', reason: 'mirrored_frames' });
    expect(checkBurst(frames, leftRight, settings)).to.include({ kind: 'live' });
  });

  it('refuses frames from two rooms (a collage), and a face that jumps across the picture', () => {
    const collage = burst(leftUp);
    for (const i of [6, 7, 8, 9]) collage[i] = { ...collage[i], scene: OTHER_ROOM };
    expect(checkBurst(collage, leftUp, settings)).to.deep.include({ kind: 'not_live', reason: 'scene_changed' });
    const jump = burst(leftUp);
    jump[6] = { ...jump[6], box: { ...FACE_BOX, x: 440 } };
    expect(checkBurst(jump, leftUp, settings)).to.deep.include({ kind: 'not_live', reason: 'scene_changed' });
  });

  it("refuses two photos framed in the same place: the frame's edges correlate, what is inside them changed", () => {
    // A photo in the middle of the picture, on a plain light wall; inside it, dark stripes one way or the other.
    const framedPhoto = (stripe: (x: number, y: number) => number) =>
      Uint8Array.from({ length: SCENE_GRID.width * SCENE_GRID.height * 3 }, (_, k) => {
        const cell = Math.floor(k / 3),
          x = cell % SCENE_GRID.width,
          y = Math.floor(cell / SCENE_GRID.width);
        return x >= 8 && x < 40 && y >= 3 && y < 34 ? (stripe(x, y) % 8 < 4 ? 10 : 45) : 200;
      });
    const one = framedPhoto((x, y) => x + y),
      other = framedPhoto((x, y) => x - y + 64);
    const box = { x: 255, y: 150, width: 130, height: 130 };
    const frames = burst(leftUp).map((f, i) => ({ ...f, box, scene: i >= 2 && i < 5 ? other : one }));
    const change = sceneChange(
      { image: frames[1].image, box, scene: one },
      { image: frames[2].image, box, scene: other },
    );
    expect(change.background, 'the correlation alone').to.be.below(settings.scene.background);
    expect(checkBurst(frames, leftUp, settings)).to.deep.include({
      kind: 'not_live',
      reason: 'scene_changed',
      detail: {
        frame: 2,
        measure: 'changed',
        value: Math.round(change.changed * 10000) / 10000,
        limit: settings.scene.changed,
      },
    });
  });

  it('follows the camera when it moves (a phone in the hand): the room shifted by a cell is the same room', () => {
    const shifted = Uint8Array.from(ROOM, (_, k) => {
      const cell = Math.floor(k / 3),
        x = cell % SCENE_GRID.width,
        y = Math.floor(cell / SCENE_GRID.width);
      return ROOM[(y * SCENE_GRID.width + Math.max(0, x - 1)) * 3 + (k % 3)];
    });
    const frames = burst(leftUp);
    for (const i of [6, 7, 8, 9])
      frames[i] = { ...frames[i], scene: shifted, box: { ...FACE_BOX, x: FACE_BOX.x + 640 / SCENE_GRID.width } };
    expect(checkBurst(frames, leftUp, settings).kind).to.equal('live');
  });

  it('refuses a face too close to the camera to see the room around it', () => {
    const frames = burst(leftUp).map((f) => ({ ...f, box: { x: 0, y: 0, width: 640, height: 480 } }));
    expect(checkBurst(frames, leftUp, settings)).to.include({ kind: 'not_live', reason: 'too_close' });
  });

  it('refuses a burst in which someone else appears, turned or not', () => {
    for (const i of [1, 3, 7]) {
      const frames = burst(leftUp);
      frames[i] = { ...frames[i], embedding: stranger };
      expect(checkBurst(frames, leftUp, settings), `frame ${i}`).to.include({
        kind: 'not_live',
        reason: 'not_same_person',
      });
    }
  });
});

describe('liveness: challenges', () => {
  const folder = temporaryFolder();
  let store: Awaited<ReturnType<typeof openStore>>;
  let challenges: Challenges;
  before(async () => {
    store = await openStore({ type: 'sqlite', file: join(folder, 'challenges.sqlite') });
    challenges = new Challenges(['a-cookie-key-of-some-length-000000'], store.attempts);
  });
  after(() => store.close());

  it('asks for two different moves, in a random order', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const moves = randomMoves();
      expect(new Set(moves).size).to.equal(2);
      seen.add(moves.join(','));
    }
    expect(seen.size).to.equal(6);
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (e: { code: string }) => e.code,
    );

  it('gives each challenge a timeline of 10 to 12 frames, 3 or 4 per move, that the token carries', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const { token, challenge } = await challenges.issue(`signin:timeline-${i}`);
      const frames = challenge.steps.reduce((n, s) => n + s.frames, 0);
      expect(frames).to.be.within(10, 12);
      expect(
        challenge.steps.filter((s) => s.move !== 'centre').every((s) => s.frames === 3 || s.frames === 4),
      ).to.equal(true);
      expect((await challenges.check(token, `signin:timeline-${i}`)).steps).to.deep.equal(challenge.steps);
      // The token fits the burst's form field.
      expect(token.length).to.be.at.most(256);
      seen.add(challenge.steps.map((s) => s.frames).join(','));
    }
    expect(seen.size).to.equal(timelineSplits(2).length);
  });

  /** A burst answering its challenge, judged as accepted: what a sign-in does with a token. */
  const redeem = (c: Challenges, token: string, subject: string) =>
    c.answer(token, subject, async (challenge) => challenge);

  it('redeems a token once, for its own sign-in, before it expires', async () => {
    const { token, challenge } = await challenges.issue('signin:abc');
    expect((await redeem(challenges, token, 'signin:abc')).moves).to.deep.equal(challenge.moves);
    expect(await refusal(redeem(challenges, token, 'signin:abc'))).to.equal('challenge_replayed');
    expect(await refusal(redeem(challenges, (await challenges.issue('signin:abc')).token, 'signin:other'))).to.equal(
      'challenge_invalid',
    );
    expect(
      await refusal(
        redeem(challenges, (await challenges.issue('signin:old', Date.now() - 60_000)).token, 'signin:old'),
      ),
    ).to.equal('challenge_expired');
    const [payload, signature] = (await challenges.issue('signin:abc')).token.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        subject: 'signin:abc',
        moves: ['left', 'right'],
        frames: [2, 3, 1, 3, 1],
        nonce: 'n',
        expiresAt: Date.now() + 9e6,
      }),
    ).toString('base64url');
    expect(await refusal(redeem(challenges, `${forged}.${signature}`, 'signin:abc'))).to.equal('challenge_invalid');
    expect(await refusal(redeem(challenges, `${payload}.${signature}x`, 'signin:abc'))).to.equal('challenge_invalid');
    const otherKey = new Challenges(['another-key-entirely-0000000000000'], store.attempts);
    expect(await refusal(redeem(otherKey, (await challenges.issue('signin:abc')).token, 'signin:abc'))).to.equal(
      'challenge_invalid',
    );
  });

  it('keeps one challenge open per subject: a new one voids the one before', async () => {
    const first = await challenges.issue('enroll:link', Date.now() - 2);
    const second = await challenges.issue('enroll:link', Date.now() - 1);
    const other = await challenges.issue('enroll:another');
    expect(await refusal(redeem(challenges, first.token, 'enroll:link'))).to.equal('challenge_superseded');
    expect((await redeem(challenges, second.token, 'enroll:link')).nonce).to.equal(second.challenge.nonce);
    expect((await redeem(challenges, other.token, 'enroll:another')).nonce).to.equal(other.challenge.nonce);
  });

  it('fits a form field (256 characters) whatever its subject', async () => {
    expect((await challenges.issue(`enroll:${'f'.repeat(64)}`)).token.length).to.be.at.most(256);
  });
});
