/**
 * How an attempt that ends the sign-in is told to the page: JSON with where to go next. Refusals
 * are thrown and told by failures.ts; the page never has to parse an HTML error.
 */
import type { Context } from 'koa';
import type { AttemptOutcome } from '../src/access/sign-in-attempt.js';
import { wordsFor } from './words.js';

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
      ctx.body = { status: 'ended', message: wordsFor(ctx).t('ended'), redirectTo: await finish.exhausted() };
      return;
  }
}

/**
 * Before the frames are read: a refusal (or the end of the sign-in) leaves the upload unread, and
 * closing the connection spares reading what nobody will look at.
 */
export function leaveUploadUnread(ctx: Context): (error: unknown) => never {
  return (error) => {
    ctx.set('Connection', 'close');
    throw error;
  };
}
