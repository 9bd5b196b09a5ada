/**
 * Inference back-pressure: a server with one face worker and a queue of one gets 30 snapshots at
 * once. Some must be refused at once with 503 and Retry-After (not wait without bound, not fail
 * otherwise), the server must keep answering its other endpoints meanwhile, and once the users
 * retry after the time they were told, every one of them signs in.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent } from './agent.js';
import type { ChildServer } from './child-server.js';
import type { User } from './load-run.js';
import { CALLBACK, RelyingParty } from './relying-party.js';
import { readServerLog, type LogFindings } from './server-log.js';
import { scrape, signInResults } from './server-sampler.js';
import { percentile } from '../../src/eval/percentile.js';

export interface BackPressure {
  clients: number;
  /** Status -> count, for the 30 snapshots sent at once. */
  firstAnswers: Record<string, number>;
  /** Every 503 came with Retry-After. */
  retryAfterOnEvery503: boolean;
  retryAfterSeconds: number[];
  /** Time to a busy 503 answer (p50, max), ms: refused at once, not after waiting. */
  busyAnswerMs: { p50: number; max: number };
  /** Discovery answered while the face queue was full (ms, each request). */
  discoveryDuringBurstMs: number[];
  /** Rounds of retries until every user had signed in; and whether all did. */
  retryRounds: number;
  allSignedIn: boolean;
  /** Busy 503s seen, first answers and retries. */
  busyAnswers: number;
  /** The server's count of busy attempts: must equal busyAnswers. */
  busyCounted: number;
  log: LogFindings;
}

interface Waiting {
  agent: Agent;
  facePage: URL;
  authorization: Awaited<ReturnType<RelyingParty['authorize']>>;
  user: User;
  /** Where the accepted snapshot's answer sends the browser. */
  redirectTo?: string;
}

export async function backPressure(
  server: ChildServer,
  issuer: string,
  users: readonly User[],
  clients = 30,
): Promise<BackPressure> {
  const rp = await RelyingParty.discover(issuer);
  const before = signInResults(await scrape(server.origin));
  // Everyone on the face page first, so the snapshots really leave together.
  const waiting: Waiting[] = await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const agent = new Agent([server.origin]);
      const authorization = await rp.authorize();
      const { url: facePage, response } = await agent.follow(authorization.url);
      await response.arrayBuffer();
      return { agent, facePage, authorization, user: users[i % users.length] };
    }),
  );

  let bursting = true;
  const discovery: number[] = [];
  const probing = (async () => {
    while (bursting) {
      const started = performance.now();
      await (await fetch(`${server.origin}/.well-known/openid-configuration`)).arrayBuffer();
      discovery.push(performance.now() - started);
      await sleep(50);
    }
  })();
  const first = await Promise.all(waiting.map((w) => post(w)));
  bursting = false;
  await probing;

  const firstAnswers: Record<string, number> = {};
  for (const answer of first) firstAnswers[answer.status] = (firstAnswers[answer.status] ?? 0) + 1;
  const busy = first.filter((a) => a.status === 503);
  // Each refused user waits what it was told, then sends again, as the sign-in page does.
  let pending = waiting.map((w, i) => ({ w, answer: first[i] })).filter(({ answer }) => answer.status === 503);
  let rounds = 0;
  let failed = first.filter((a) => a.status !== 200 && a.status !== 503).length;
  let busyAnswers = busy.length;
  while (pending.length > 0 && rounds < 20) {
    rounds++;
    const again = await Promise.all(
      pending.map(async ({ w, answer }) => {
        await sleep(answer.retryAfter * 1000);
        return { w, answer: await post(w) };
      }),
    );
    failed += again.filter(({ answer }) => answer.status !== 200 && answer.status !== 503).length;
    pending = again.filter(({ answer }) => answer.status === 503);
    busyAnswers += pending.length;
  }
  // Every accepted attempt, refused first or not, goes on to the RP and its code is exchanged.
  const finished = await Promise.all(waiting.map((w) => finishes(w).catch(() => false)));

  const after = signInResults(await scrape(server.origin));
  return {
    clients,
    firstAnswers,
    retryAfterOnEvery503: busy.every((a) => a.retryAfter > 0),
    retryAfterSeconds: [...new Set(busy.map((a) => a.retryAfter))].sort(),
    busyAnswerMs: {
      p50: percentile(
        busy.map((a) => a.ms),
        0.5,
      ),
      max: Math.max(0, ...busy.map((a) => a.ms)),
    },
    discoveryDuringBurstMs: discovery.map((ms) => Math.round(ms)),
    retryRounds: rounds,
    allSignedIn: pending.length === 0 && failed === 0 && finished.every(Boolean),
    busyAnswers,
    busyCounted: (after.busy ?? 0) - (before.busy ?? 0),
    log: readServerLog(server.logLines()),
  };
}

interface Answer {
  status: number;
  retryAfter: number;
  ms: number;
}

async function post(w: Waiting): Promise<Answer> {
  const started = performance.now();
  const response = await w.agent.request(new URL(`${w.facePage.pathname}/face`, w.facePage), {
    body: w.user.frame,
    contentType: 'image/jpeg',
    accept: 'application/json',
  });
  const body = (await response.json()) as { redirectTo?: string };
  if (body.redirectTo) w.redirectTo = body.redirectTo;
  return {
    status: response.status,
    retryAfter: Number(response.headers.get('retry-after') ?? 0),
    ms: performance.now() - started,
  };
}

async function finishes(w: Waiting): Promise<boolean> {
  if (!w.redirectTo) return false;
  const { url } = await w.agent.follow(new URL(w.redirectTo));
  if (!url.href.startsWith(CALLBACK)) return false;
  const tokens = await w.authorization.tokens(url);
  return tokens.claims()?.sub === w.user.accountId;
}
