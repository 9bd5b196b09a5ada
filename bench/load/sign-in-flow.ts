/**
 * One face sign-in as a user and an RP live it, timed step by step: the RP's authorization
 * request, the face page, the face snapshot (a busy answer is retried after its Retry-After, as
 * the page does), the redirects back to the RP, the code exchange, UserInfo, one refresh.
 * A step that fails throws a StepFailure naming the step and the kind of failure.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent } from './agent.js';
import { withServerSplit, type ServerSplit } from '../server-timing.js';
import type { Step as ChallengeStep } from '../../src/face/liveness/challenge.js';
import type { HeadTurner } from './head-turns.js';
import { CALLBACK, type RelyingParty } from './relying-party.js';

export const STEPS = ['authorize', 'page', 'face', 'redirects', 'token', 'userinfo', 'refresh'] as const;
export type Step = (typeof STEPS)[number];

export class StepFailure extends Error {
  constructor(
    readonly step: Step,
    readonly kind: string,
    detail = '',
  ) {
    super(`${step}: ${kind}${detail ? ` (${detail})` : ''}`);
  }

  /** The attempt limits refused it: the one refusal a correct server gives a legitimate load. */
  get rateLimited(): boolean {
    return this.kind === 'HTTP 429';
  }
}

export interface SignedIn {
  sub: string;
  /** Milliseconds per step. */
  timings: Record<Step, number>;
  /** Where each step's time went on the server, from its answers' Server-Timing. */
  server: Record<Step, ServerSplit>;
  /** Busy (503) answers to the face snapshot before it was taken. */
  busyRetries: number;
  /** The refresh token after the refresh (the first one is rotated away). */
  refreshToken: string;
  /** The browser, holding the session cookie. */
  agent: Agent;
}

export interface FlowOptions {
  /** Origins that are facegate (one, or the instances sharing a store). */
  providers: string[];
  /** Send the face page, the snapshot and the redirects to this instance instead of the issuer's. */
  via?: string;
  /** How many busy answers to retry before giving up (the sign-in page: 3). */
  maxBusyRetries?: number;
  /** Called before each retry of a busy answer, with the seconds it asked to wait. */
  onBusy?(retryAfter: number): void;
  /**
   * With the liveness challenge: the face step asks for a challenge and sends this person's burst
   * answering it (the frame given to signIn is not used); a busy answer is retried with a new challenge.
   */
  headTurn?: HeadTurner;
}

export async function signIn(rp: RelyingParty, frame: Uint8Array, options: FlowOptions): Promise<SignedIn> {
  const agent = new Agent(options.providers);
  const timings = {} as Record<Step, number>;
  const server = {} as Record<Step, ServerSplit>;
  const timed = async <T>(step: Step, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      const { value, split } = await withServerSplit(run);
      server[step] = split;
      return value;
    } catch (error) {
      throw error instanceof StepFailure ? error : new StepFailure(step, kindOf(error), (error as Error).message);
    } finally {
      timings[step] = performance.now() - started;
    }
  };

  const authorization = await rp.authorize();
  const page = await timed('authorize', async () => {
    const response = await agent.request(authorization.url);
    await response.arrayBuffer();
    const location = response.headers.get('location');
    if (response.status !== 303 || !location) throw new StepFailure('authorize', `HTTP ${response.status}`);
    return new URL(location, authorization.url);
  });
  const facePage = await timed('page', async () => {
    const { response, url } = await agent.follow(page, options.via);
    await expectOk('page', response);
    await response.arrayBuffer();
    return url;
  });

  let busyRetries = 0;
  const redirectTo = await timed('face', async () => {
    for (;;) {
      const faceUrl = new URL(`${facePage.pathname}/face`, facePage);
      const response = options.headTurn
        ? await agent.request(faceUrl, {
            body: await burstAnswering(agent, facePage, options.headTurn),
            accept: 'application/json',
          })
        : await agent.request(faceUrl, { body: frame, contentType: 'image/jpeg', accept: 'application/json' });
      const body = (await response.json().catch(() => ({}))) as {
        status?: string;
        error?: string;
        redirectTo?: string;
      };
      const retryAfter = Number(response.headers.get('retry-after'));
      if (
        response.status === 503 &&
        body.error === 'busy' &&
        retryAfter > 0 &&
        busyRetries < (options.maxBusyRetries ?? 3)
      ) {
        busyRetries++;
        options.onBusy?.(retryAfter);
        await sleep(retryAfter * 1000);
        continue;
      }
      if (response.status !== 200 || body.status !== 'accepted' || !body.redirectTo)
        throw new StepFailure('face', `HTTP ${response.status}`, body.error);
      return new URL(body.redirectTo);
    }
  });
  const callback = await timed('redirects', async () => {
    const { response, url } = await agent.follow(redirectTo, options.via);
    if (!url.href.startsWith(CALLBACK))
      throw new StepFailure('redirects', `HTTP ${response.status}`, 'did not reach the RP');
    if (!url.searchParams.has('code')) throw new StepFailure('redirects', url.searchParams.get('error') ?? 'no code');
    return url;
  });
  const tokens = await timed('token', () => authorization.tokens(callback));
  const sub = tokens.claims()!.sub;
  await timed('userinfo', () => rp.userinfo(tokens.access_token, sub));
  const refreshed = await timed('refresh', () => rp.refresh(tokens.refresh_token!));
  if (!refreshed.refresh_token) throw new StepFailure('refresh', 'no refresh token');
  return { sub, timings, server, busyRetries, refreshToken: refreshed.refresh_token, agent };
}

/** Asks for a challenge, as the page does, and answers it with the person's burst (multipart, as the page sends it). */
async function burstAnswering(agent: Agent, facePage: URL, turner: HeadTurner): Promise<FormData> {
  const response = await agent.request(new URL(`${facePage.pathname}/challenge`, facePage), {
    method: 'POST',
    accept: 'application/json',
  });
  const body = (await response.json().catch(() => ({}))) as {
    challenge?: string;
    steps?: ChallengeStep[];
    error?: string;
  };
  if (response.status !== 200 || !body.challenge || !body.steps)
    throw new StepFailure('face', `HTTP ${response.status}`, `challenge: ${body.error ?? 'no challenge'}`);
  const form = new FormData();
  form.append('challenge', body.challenge);
  for (const [i, frame] of turner.burst(body.steps).entries())
    form.append('frame', new Blob([new Uint8Array(frame)], { type: 'image/jpeg' }), `frame-${i}.jpg`);
  return form;
}

async function expectOk(step: Step, response: Response): Promise<void> {
  if (response.status !== 200)
    throw new StepFailure(step, `HTTP ${response.status}`, (await response.text()).slice(0, 120));
}

/** A short name for what went wrong: an HTTP status, an OAuth error code, or a socket error. */
export function kindOf(error: unknown): string {
  const e = error as {
    status?: number;
    code?: string;
    error?: string;
    cause?: { code?: string; status?: number; error?: string };
  };
  if (typeof e.status === 'number') return `HTTP ${e.status}${e.error ? ` ${e.error}` : ''}`;
  if (e.cause?.status) return `HTTP ${e.cause.status}${e.cause.error ? ` ${e.cause.error}` : ''}`;
  if (e.cause?.code) return e.cause.code;
  return e.code ?? (error as Error).name ?? 'error';
}
