/**
 * How an attempt's outcome is told to the sign-in page: JSON it can act on, with the HTTP status
 * an API client would expect. The page never has to parse an HTML error.
 */
import type { Context } from 'koa';
import { busyRetryAfterSeconds } from '../src/signin/busy-retry.js';
import type { AttemptOutcome } from '../src/signin/sign-in-attempt.js';
import { FrameRequestError, readFrames, type FrameLimits, type ReadFrames } from './read-frames.js';

/** Refusal codes and their statuses: unreadable input, unsupported input, too big, or a face that does not pass. */
const STATUS: Record<string, number> = {
  not_an_image: 400,
  unsupported_format: 415,
  image_too_large: 413,
};

/** The HTTP status of a refusal: 400, 415 or 413 for the image itself, 422 for the face in it. */
export function refusalStatus(code: string): number {
  return STATUS[code] ?? 422;
}

export interface Finishers {
  /** Ends the interaction as a sign-in; resolves to the URL to go to next. */
  accepted(accountId: string, acr: string): Promise<string>;
  /** Ends the interaction with access_denied; resolves to the URL back to the application. */
  exhausted(): Promise<string>;
}

export async function answerAttempt(ctx: Context, outcome: AttemptOutcome, finish: Finishers): Promise<void> {
  switch (outcome.kind) {
    case 'accepted':
      ctx.body = { status: 'accepted', redirectTo: await finish.accepted(outcome.accountId, outcome.acr) };
      return;
    case 'exhausted':
      ctx.body = {
        status: 'ended',
        message: 'Too many failed attempts: this sign-in has ended. You are being sent back to the application.',
        redirectTo: await finish.exhausted(),
      };
      return;
    case 'refused':
      return answerRefusal(ctx, refusalStatus(outcome.code), outcome.code, outcome.message, { attemptsLeft: outcome.attemptsLeft });
    case 'need_account':
      ctx.status = 409;
      ctx.body = { status: 'need_account', error: 'account_required', message: outcome.message };
      return;
    case 'rate_limited':
      return answerRateLimited(ctx, outcome.retryAfterSeconds);
    case 'busy':
      return answerBusy(ctx, outcome.message);
  }
}

/** The JSON refusal the pages' scripts read: `{ status: 'refused', error, message, ...more }`. */
export function answerRefusal(ctx: Context, status: number, error: string, message: string, more: Record<string, unknown> = {}): void {
  ctx.status = status;
  ctx.body = { status: 'refused', error, message, ...more };
}

/** 429: too many attempts from this client or on this account; when to come back, in the header and the body. */
export function answerRateLimited(ctx: Context, retryAfterSeconds: number): void {
  ctx.set('Retry-After', String(retryAfterSeconds));
  answerRefusal(ctx, 429, 'too_many_attempts', `Too many attempts. Wait ${minutes(retryAfterSeconds)} and try again.`, { retryAfter: retryAfterSeconds });
}

/** 503: the face engine's queue is full; a Retry-After spread so refused clients do not return together. */
export function answerBusy(ctx: Context, message: string): void {
  const retryAfter = busyRetryAfterSeconds();
  ctx.set('Retry-After', String(retryAfter));
  answerRefusal(ctx, 503, 'busy', message, { retryAfter });
}

/** The request's frames, or undefined once the request has been answered with why it has none. */
export async function framesOrAnswer(ctx: Context, limits: FrameLimits): Promise<ReadFrames | undefined> {
  try {
    return await readFrames(ctx, limits);
  } catch (error) {
    if (!(error instanceof FrameRequestError)) throw error;
    answerRefusal(ctx, error.status, error.code, error.message);
    return undefined;
  }
}

function minutes(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
