/**
 * Liveness challenges as signed, short-lived, single-use tokens. The server picks the moves and a
 * nonce, signs them with a key derived from the cookie keys (every instance has them), and binds
 * them to one sign-in (the interaction) or one enrolment (the invitation). The burst comes back
 * with the token: a forged, expired or foreign token is refused, and a nonce is spent on first use,
 * so a replayed burst is refused too. Only the newest challenge of a sign-in or enrolment is open:
 * issuing one voids the one before, so asking again and again cannot collect moves to choose
 * from (what each one costs is the caller's: an attempt, see SignInAttempts.challenge).
 */
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AttemptStore } from '../../adapters/contract.js';
import { FacegateError } from '../errors.js';
import { FaceError } from '../face/errors.js';
import { say } from '../sentences.js';
import {
  isMove,
  randomMoves,
  randomTimeline,
  timelineOf,
  type Move,
  type RandomInt,
  type Step,
} from '../face/liveness/challenge.js';

export const CHALLENGE_SECONDS = 30;

export interface Challenge {
  /**
   * What the token is for, `signin:<interaction uid>` or `enroll:<invitation hash>`, as a digest:
   * the token travels in a form field of at most 256 characters.
   */
  subject: string;
  moves: Move[];
  /** How many frames the page takes at each step: the burst must follow it exactly. */
  steps: Step[];
  nonce: string;
  /** Epoch milliseconds: when it was issued (it is open while no later one is), and until when it is good. */
  issuedAt: number;
  expiresAt: number;
}

export type ChallengeProblem =
  | 'challenge_invalid'
  | 'challenge_expired'
  | 'challenge_replayed'
  | 'challenge_superseded';

/**
 * A burst that cannot answer its challenge: 422 in sign-in and enrolment alike (the request is
 * well formed; the token it carries is not one this page may use now), nothing judged.
 */
export class ChallengeError extends FacegateError {
  declare readonly code: ChallengeProblem;

  constructor(code: ChallengeProblem) {
    super(code, say(code), { status: 422 });
  }
}

export class Challenges {
  private readonly keys: Buffer[];

  /**
   * `cookieKeys`: newest first; the newest signs, all verify (a rotation does not break a check in flight).
   * `random` picks the moves and `timelineRandom` the timeline (tests fix them; by default, crypto's randomInt).
   */
  constructor(
    cookieKeys: readonly string[],
    private readonly attempts: AttemptStore,
    private readonly random?: RandomInt,
    private readonly timelineRandom?: RandomInt,
  ) {
    this.keys = cookieKeys.map((k) => Buffer.from(hkdfSync('sha256', k, 'facegate', 'liveness challenge', 32)));
  }

  /** A new challenge for `subject`, which voids the one issued before it. */
  async issue(subject: string, now = Date.now()): Promise<{ token: string; challenge: Challenge }> {
    const moves = randomMoves(this.random);
    const challenge: Challenge = {
      subject: digest(subject),
      moves,
      steps: randomTimeline(moves, this.timelineRandom),
      nonce: randomBytes(16).toString('base64url'),
      issuedAt: now,
      expiresAt: now + CHALLENGE_SECONDS * 1000,
    };
    await this.attempts.record(issuedKey(challenge.subject), CHALLENGE_SECONDS, now);
    // The token must fit a form field: the timeline travels as its frame counts alone (the moves say
    // the rest), and the expiry is not sent (it follows from the issue time).
    const { steps, expiresAt: _, ...rest } = challenge;
    const payload = Buffer.from(JSON.stringify({ ...rest, frames: steps.map((s) => s.frames) })).toString('base64url');
    return { token: `${payload}.${this.sign(this.keys[0], payload)}`, challenge };
  }

  /**
   * The challenge of a token, if it is genuine, this subject's, in time and the newest issued for
   * it; throws ChallengeError. Does not spend it.
   */
  async check(token: string, subject: string, now = Date.now()): Promise<Challenge> {
    const challenge = this.read(token);
    if (!challenge || challenge.subject !== digest(subject)) throw new ChallengeError('challenge_invalid');
    if (challenge.expiresAt <= now) throw new ChallengeError('challenge_expired');
    // Within its 30 seconds every later challenge of the subject is in the window too.
    if ((await this.attempts.newest(issuedKey(challenge.subject), CHALLENGE_SECONDS, now)) !== challenge.issuedAt) {
      throw new ChallengeError('challenge_superseded');
    }
    return challenge;
  }

  /**
   * Spends the challenge, atomically across instances: the first call for a nonce passes, any
   * later one throws challenge_replayed. Called once the burst has been judged, so a burst the
   * engine was too busy to look at can be sent again.
   */
  async spend(challenge: Challenge): Promise<void> {
    if ((await this.attempts.record(`challenge:${challenge.nonce}`, CHALLENGE_SECONDS * 2)) > 1)
      throw new ChallengeError('challenge_replayed');
  }

  /**
   * The one way a burst answers its challenge: checks the token (a ChallengeError if it may not be
   * used), has `judge` look at the burst under that challenge, then spends it. A burst the engine
   * was too busy to look at leaves the challenge unspent, to be sent again. A burst judged while
   * another answered the same challenge (a replay) is refused challenge_replayed, unless the judge
   * refused it already: its own refusal stands.
   */
  async answer<T>(token: string, subject: string, judge: (challenge: Challenge) => Promise<T>): Promise<T> {
    const challenge = await this.check(token, subject);
    let judged: T;
    try {
      judged = await judge(challenge);
    } catch (error) {
      if (!(error instanceof FaceError && error.code === 'busy')) await this.spend(challenge).catch(unlessReplayed);
      throw error;
    }
    await this.spend(challenge);
    return judged;
  }

  private read(token: string): Challenge | undefined {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    const given = Buffer.from(signature, 'base64url');
    const valid = this.keys.some((key) => {
      const expected = Buffer.from(this.sign(key, payload), 'base64url');
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    if (!valid) return undefined;
    try {
      const { frames, ...rest } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Omit<
        Challenge,
        'steps' | 'expiresAt'
      > & { frames: unknown };
      if (!Array.isArray(rest.moves) || !rest.moves.every(isMove) || typeof rest.issuedAt !== 'number')
        return undefined;
      const steps = timelineOf(rest.moves, frames);
      return steps ? { ...rest, steps, expiresAt: rest.issuedAt + CHALLENGE_SECONDS * 1000 } : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(key: Buffer, payload: string): string {
    return createHmac('sha256', key).update(payload).digest('base64url');
  }
}

function unlessReplayed(error: unknown): void {
  if (!(error instanceof ChallengeError && error.code === 'challenge_replayed')) throw error;
}

function digest(subject: string): string {
  return createHash('sha256').update(subject).digest('base64url').slice(0, 22);
}

/** The issue times of a subject's challenges: the newest is the open one. */
function issuedKey(subjectDigest: string): string {
  return `challenges:${subjectDigest}`;
}
