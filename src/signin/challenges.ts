/**
 * Liveness challenges as signed, short-lived, single-use tokens. The server picks the moves and a
 * nonce, signs them with a key derived from the cookie keys (every instance has them), and binds
 * them to one sign-in (the interaction) or one enrolment (the invitation). The burst comes back
 * with the token: a forged, expired or foreign token is refused, and a nonce is spent on first use,
 * so a replayed burst is refused too.
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AttemptStore } from '../../adapters/contract.js';
import { isMove, isTimeline, randomMoves, randomTimeline, type Move, type RandomInt, type Step } from '../face/liveness/challenge.js';

export const CHALLENGE_SECONDS = 30;

export interface Challenge {
  /** What the token is for: `signin:<interaction uid>` or `enroll:<invitation hash>`. */
  subject: string;
  moves: Move[];
  /** How many frames the page takes at each step: the burst must follow it exactly. */
  steps: Step[];
  nonce: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export type ChallengeProblem = 'challenge_invalid' | 'challenge_expired' | 'challenge_replayed';

export const CHALLENGE_PROBLEMS: Record<ChallengeProblem, string> = {
  challenge_invalid: 'This check does not belong to this page. Press the button to start a new one.',
  challenge_expired: 'The check took too long. Press the button to start a new one.',
  challenge_replayed: 'This check was used already. Press the button to start a new one.',
};

export class ChallengeError extends Error {
  constructor(readonly code: ChallengeProblem) {
    super(CHALLENGE_PROBLEMS[code]);
  }
}

export class Challenges {
  private readonly keys: Buffer[];

  /**
   * `cookieKeys`: newest first; the newest signs, all verify (a rotation does not break a check in flight).
   * `random` picks the moves and `timelineRandom` the timeline (tests fix them; by default, crypto's randomInt).
   */
  constructor(cookieKeys: readonly string[], private readonly attempts: AttemptStore, private readonly random?: RandomInt, private readonly timelineRandom?: RandomInt) {
    this.keys = cookieKeys.map((k) => Buffer.from(hkdfSync('sha256', k, 'facegate', 'liveness challenge', 32)));
  }

  issue(subject: string, now = Date.now()): { token: string; challenge: Challenge } {
    const moves = randomMoves(this.random);
    const challenge: Challenge = { subject, moves, steps: randomTimeline(moves, this.timelineRandom), nonce: randomBytes(16).toString('base64url'), expiresAt: now + CHALLENGE_SECONDS * 1000 };
    const payload = Buffer.from(JSON.stringify(challenge)).toString('base64url');
    return { token: `${payload}.${this.sign(this.keys[0]!, payload)}`, challenge };
  }

  /** The challenge of a token, if it is genuine, this subject's and in time; throws ChallengeError. Does not spend it. */
  check(token: string, subject: string, now = Date.now()): Challenge {
    const challenge = this.read(token);
    if (!challenge || challenge.subject !== subject) throw new ChallengeError('challenge_invalid');
    if (challenge.expiresAt <= now) throw new ChallengeError('challenge_expired');
    return challenge;
  }

  /**
   * Spends the challenge, atomically across instances: the first call for a nonce passes, any
   * later one throws challenge_replayed. Called once the burst has been judged, so a burst the
   * engine was too busy to look at can be sent again.
   */
  async spend(challenge: Challenge): Promise<void> {
    if (await this.attempts.record(`challenge:${challenge.nonce}`, CHALLENGE_SECONDS * 2) > 1) throw new ChallengeError('challenge_replayed');
  }

  /**
   * Spends the challenge of a burst the engine has judged (not of one it was too busy to look at).
   * Returns the replay to refuse, if any: a burst `refused` already keeps its own refusal, which a
   * replay found meanwhile does not hide.
   */
  async spendJudged(challenge: Challenge, refused: boolean): Promise<ChallengeError | undefined> {
    try {
      await this.spend(challenge);
      return undefined;
    } catch (error) {
      if (!(error instanceof ChallengeError)) throw error;
      return refused ? undefined : error;
    }
  }

  /** check, then spend. */
  async redeem(token: string, subject: string, now = Date.now()): Promise<Challenge> {
    const challenge = this.check(token, subject, now);
    await this.spend(challenge);
    return challenge;
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
      const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Challenge;
      return Array.isArray(parsed.moves) && parsed.moves.every(isMove) && isTimeline(parsed.steps, parsed.moves) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(key: Buffer, payload: string): string {
    return createHmac('sha256', key).update(payload).digest('base64url');
  }
}
