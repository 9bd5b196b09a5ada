import { expect } from 'chai';
import { meanFacePoint } from '../src/face/align/mean-face.js';
import type { Point } from '../src/face/geometry/similarity.js';
import { checkBurst } from '../src/face/liveness/burst-check.js';
import { randomMoves, type Move } from '../src/face/liveness/challenge.js';
import { facePose } from '../src/face/liveness/pose.js';
import { livenessSettings } from '../src/face/liveness/settings.js';
import type { FaceAnalysis } from '../src/face/pipeline.js';
import { normalise } from '../src/face/embed/vectors.js';
import { Challenges } from '../src/signin/challenges.js';
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
  const eye = (a: number, b: number) => points.slice(a, b + 1).reduce((s, p) => [s[0] + p[0] / 6, s[1] + p[1] / 6], [0, 0]);
  const [r, l] = [eye(36, 41), eye(42, 47)];
  const mouth = [(points[48]![0] + points[54]![0]) / 2, (points[48]![1] + points[54]![1]) / 2];
  const centre = [(r[0] + l[0]) / 2, (r[1] + l[1]) / 2];
  const [nx, ny] = points[30]!;
  points[30] = [nx + yaw * (l[0] - r[0]) + pitch * (mouth[0]! - centre[0]!), ny + yaw * (l[1] - r[1]) + pitch * (mouth[1]! - centre[1]!)];
  return points;
}

function affine(points: Point[], [a, b, c, d, e, f]: number[]): Point[] {
  return points.map(([x, y]) => [a! * x + b! * y + c!, d! * x + e! * y + f!]);
}

const person = normalise(Float32Array.from({ length: 128 }, (_, i) => Math.sin(i + 1)));
const stranger = normalise(Float32Array.from({ length: 128 }, (_, i) => Math.cos(3 * i)));

function frame(landmarks68: Point[], i: number, embedding = person): FaceAnalysis {
  return {
    image: { width: 640, height: 480 }, box: { x: 0, y: 0, width: 200, height: 200 }, score: 0.9,
    keypoints: [], landmarks68, eyeDistancePx: 80, quality: { brightness: 120, sharpness: 0.2 },
    embedding, embeddings: { person: embedding }, thumbnail: Uint8Array.from({ length: 256 }, (_, k) => (k * 7 + i * 31) % 256),
    timings: { decode: 0, detect: 0, align: 0, embed: 0 },
  };
}

/** A burst performing `moves` (`amount` eye distances of nose travel), as the page's timeline takes it. */
function burst(moves: readonly (Move | 'down')[], amount = 0.3): FaceAnalysis[] {
  const poseOf = (m: Move | 'down' | 'centre', k: number): Point[] => {
    const t = amount * (k === 1 ? 1 : 0.8);
    if (m === 'left') return posed(t);
    if (m === 'right') return posed(-t);
    if (m === 'up') return posed(0, -t);
    if (m === 'down') return posed(0, t);
    return posed(0);
  };
  const beats: Point[][] = [poseOf('centre', 0), poseOf('centre', 0)];
  for (const m of moves) beats.push(poseOf(m, 0), poseOf(m, 1), poseOf(m, 2), poseOf('centre', 0));
  return beats.map((l, i) => frame(l, i));
}

const settings = livenessSettings('euclidean');

describe('liveness: head pose from landmarks', () => {
  it('is unchanged by any affine transform of a flat picture (moved, scaled, turned, tilted, sheared)', () => {
    const base = facePose({ keypoints: [], landmarks68: posed(0.1, 0.05) });
    for (const t of [[0.6, 0, 40, 0, 1, -20], [1.3, 0.2, 0, -0.2, 1.3, 10], [0.5, 0.3, 12, 0.1, 1.1, 0], [-0.9, 0.1, 300, 0.05, 0.8, 5]]) {
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
  it('accepts a burst that performs the challenge, and names its frames facing the camera', () => {
    const verdict = checkBurst(burst(['left', 'up']), ['left', 'up'], settings);
    expect(verdict.live).to.equal(true);
    if (verdict.live) expect(verdict.frontal).to.deep.equal([0, 1, 5, 9]);
  });

  it('refuses the moves in the wrong order, an extra move, or a missing one', () => {
    expect(checkBurst(burst(['right', 'left']), ['left', 'right'], settings)).to.include({ live: false, reason: 'wrong_movement' });
    expect(checkBurst(burst(['left', 'down', 'right']), ['left', 'right'], settings)).to.include({ live: false, reason: 'wrong_movement' });
    expect(checkBurst(burst(['left']), ['left', 'right'], settings)).to.include({ live: false, reason: 'wrong_movement' });
  });

  it('refuses a still face, and moves too small to be deliberate', () => {
    expect(checkBurst(burst([]), ['left', 'right'], settings)).to.include({ live: false, reason: 'too_few_frames' });
    const still = Array.from({ length: 10 }, (_, i) => frame(posed(0), i));
    expect(checkBurst(still, ['left', 'right'], settings)).to.include({ live: false, reason: 'no_movement' });
    expect(checkBurst(burst(['left', 'right'], 0.12), ['left', 'right'], settings)).to.include({ live: false, reason: 'no_movement' });
  });

  it('does not count a move seen in one frame only (landmark noise)', () => {
    const frames = burst(['left', 'right']);
    frames[2] = frame(posed(0), 2);
    frames[4] = frame(posed(0), 4);
    expect(checkBurst(frames, ['left', 'right'], settings)).to.include({ live: false, reason: 'wrong_movement' });
  });

  it('refuses repeated frames (a still picture replayed)', () => {
    const frames = burst(['left', 'right']).map((f) => ({ ...f, thumbnail: new Uint8Array(256).fill(80) }));
    expect(checkBurst(frames, ['left', 'right'], settings)).to.include({ live: false, reason: 'repeated_frames' });
  });

  it('refuses a burst in which someone else appears', () => {
    const frames = burst(['left', 'right']);
    frames[6] = { ...frames[6]!, embedding: stranger };
    expect(checkBurst(frames, ['left', 'right'], settings)).to.include({ live: false, reason: 'not_same_person' });
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

  const refusal = (promise: Promise<unknown>) => promise.then(() => 'accepted', (e: { code: string }) => e.code);

  it('redeems a token once, for its own sign-in, before it expires', async () => {
    const { token, challenge } = await challenges.issue('signin:abc');
    expect((await challenges.redeem(token, 'signin:abc')).moves).to.deep.equal(challenge.moves);
    expect(await refusal(challenges.redeem(token, 'signin:abc'))).to.equal('challenge_replayed');
    expect(await refusal(challenges.redeem((await challenges.issue('signin:abc')).token, 'signin:other'))).to.equal('challenge_invalid');
    expect(await refusal(challenges.redeem((await challenges.issue('signin:old', Date.now() - 60_000)).token, 'signin:old'))).to.equal('challenge_expired');
    const [payload, signature] = (await challenges.issue('signin:abc')).token.split('.');
    const forged = Buffer.from(JSON.stringify({ subject: 'signin:abc', moves: ['left', 'right'], nonce: 'n', expiresAt: Date.now() + 9e6 })).toString('base64url');
    expect(await refusal(challenges.redeem(`${forged}.${signature}`, 'signin:abc'))).to.equal('challenge_invalid');
    expect(await refusal(challenges.redeem(`${payload}.${signature}x`, 'signin:abc'))).to.equal('challenge_invalid');
    const otherKey = new Challenges(['another-key-entirely-0000000000000'], store.attempts);
    expect(await refusal(otherKey.redeem((await challenges.issue('signin:abc')).token, 'signin:abc'))).to.equal('challenge_invalid');
  });

  it('keeps one challenge open per subject: a new one voids the one before', async () => {
    const first = await challenges.issue('enroll:link', Date.now() - 2);
    const second = await challenges.issue('enroll:link', Date.now() - 1);
    const other = await challenges.issue('enroll:another');
    expect(await refusal(challenges.redeem(first.token, 'enroll:link'))).to.equal('challenge_superseded');
    expect((await challenges.redeem(second.token, 'enroll:link')).nonce).to.equal(second.challenge.nonce);
    expect((await challenges.redeem(other.token, 'enroll:another')).nonce).to.equal(other.challenge.nonce);
  });

  it('fits a form field (256 characters) whatever its subject', async () => {
    expect((await challenges.issue(`enroll:${'f'.repeat(64)}`)).token.length).to.be.at.most(256);
  });
});
