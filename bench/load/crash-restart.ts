/**
 * kill -9 in the middle of the load, then a restart on the same store (a SQLite file, a Redis, a PostgreSQL). While the users sign
 * in, one more client re-enrols people (templates replaced in one transaction), so the kill can
 * land in the middle of writes of every kind. Then: a SQLite file passes SQLite's checks, every account
 * still has exactly its templates, the JWKS is the same, everyone can sign in, and the sessions and
 * refresh tokens of the last sign-ins before the kill still work.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { StoreSpec } from '../../adapters/contract.js';
import { Checks, type Check } from './checks.js';
import { ChildServer, type ServerConfig } from './child-server.js';
import { checkDatabase, type DatabaseState } from './database-check.js';
import { LoadRun, type LoadResult, type User } from './load-run.js';
import { enrollAt, inviteLink, type Person } from './people.js';
import { CALLBACK, RelyingParty } from './relying-party.js';
import { readServerLog, type LogFindings } from './server-log.js';
import { signIn, type SignedIn } from './sign-in-flow.js';

export interface CrashRestart {
  killedAfterSeconds: number;
  /** The load up to the kill. */
  load: LoadResult;
  /** Requests in flight when the server died, by step and kind. */
  cutOffByKill: Record<string, number>;
  reEnrollmentsBeforeKill: number;
  database: DatabaseState;
  restartSeconds: number;
  checks: Check[];
  logBeforeKill: LogFindings;
  restarted: ChildServer;
}

/** How many of the last sign-ins before the kill have their session and refresh token tried after it. */
const SURVIVORS = 5;

export async function crashAndRestart(
  server: ChildServer,
  config: ServerConfig,
  storage: StoreSpec,
  users: readonly User[],
  people: readonly Person[],
  killAfterSeconds: number,
): Promise<CrashRestart> {
  const jwksBefore = await (await fetch(`${server.origin}/jwks`)).text();
  const links = [];
  for (let round = 0; round < 3; round++)
    for (const person of people)
      links.push({ person, link: await inviteLink(server.configFile, person.accountId, true) });

  const rp = await RelyingParty.discover(config.issuer);
  const load = new LoadRun(rp, users, [server.origin], 3600);
  let reEnrollments = 0;
  let killed = false;
  const reEnrolling = (async () => {
    for (const { person, link } of links) {
      if (killed) return;
      await enrollAt(link, person).then(
        () => {
          if (!killed) reEnrollments++;
        },
        () => undefined,
      );
    }
  })();

  await sleep(killAfterSeconds * 1000);
  const survivors = load.completed().slice(-SURVIVORS);
  const beforeKill = load.result();
  killed = true;
  await server.kill();
  const cutOff = Object.fromEntries(
    Object.entries(load.result().failures)
      .map(([kind, n]) => [kind, n - (beforeKill.failures[kind] ?? 0)] as const)
      .filter(([, n]) => n > 0),
  );
  load.stop();
  void reEnrolling;

  const database = await checkDatabase(storage);
  const started = performance.now();
  const restarted = await ChildServer.start('restarted', server.configFile, config);
  const restartSeconds = (performance.now() - started) / 1000;

  const checks = new Checks();
  const check = checks.run.bind(checks);
  if (storage.type === 'sqlite') {
    await check('SQLite integrity_check and foreign_key_check after the kill', async () => {
      if (database.integrity !== 'ok' || database.foreignKeyProblems > 0)
        throw new Error(`${database.integrity}, ${database.foreignKeyProblems} foreign key problems`);
      return 'ok, no foreign key problems';
    });
  }
  await check('every account has exactly its 3 templates (no half-done replacement)', async () => {
    const counts = Object.entries(database.templatesPerAccount);
    if (counts.length !== people.length || counts.some(([, n]) => n !== 3))
      throw new Error(JSON.stringify(database.templatesPerAccount));
    return `${counts.length} accounts: ${counts.map(([id, n]) => `${id} ${n}`).join(', ')}`;
  });
  await check('the same signing keys (JWKS identical)', async () => {
    const after = await (await fetch(`${restarted.origin}/jwks`)).text();
    if (after !== jwksBefore) throw new Error('the JWKS changed');
    return `${(JSON.parse(after) as { keys: unknown[] }).keys.length} keys, identical`;
  });
  const fresh = await RelyingParty.discover(config.issuer);
  await check('every person signs in with their face', async () => {
    for (const person of people) {
      const { sub } = await signIn(fresh, person.snapshots[0], { providers: [restarted.origin] });
      if (sub !== person.accountId) throw new Error(`${person.accountId} signed in as ${sub}`);
    }
    return `${people.length} of ${people.length}`;
  });
  await check(`the refresh tokens of the last ${SURVIVORS} sign-ins before the kill still refresh`, async () => {
    for (const survivor of survivors) {
      const refreshed = await fresh.refresh(survivor.refreshToken);
      if (refreshed.claims()?.sub !== survivor.sub) throw new Error(`refreshed as ${refreshed.claims()?.sub}`);
    }
    return `${survivors.length} of ${survivors.length}`;
  });
  await check(
    `the sessions of the last ${SURVIVORS} sign-ins before the kill still sign in silently (prompt=none)`,
    async () => {
      for (const survivor of survivors) await silentSignIn(fresh, survivor, restarted.origin);
      return `${survivors.length} of ${survivors.length}`;
    },
  );

  return {
    killedAfterSeconds: killAfterSeconds,
    load: beforeKill,
    cutOffByKill: cutOff,
    reEnrollmentsBeforeKill: reEnrollments,
    database,
    restartSeconds,
    checks: checks.list,
    logBeforeKill: readServerLog(server.logLines()),
    restarted,
  };
}

/** prompt=none with the browser of an earlier sign-in: straight back to the RP with a code, for the same account. */
async function silentSignIn(rp: RelyingParty, survivor: SignedIn, origin: string): Promise<void> {
  const authorization = await rp.authorize({ prompt: 'none' });
  const { url } = await survivor.agent.follow(authorization.url);
  if (!url.href.startsWith(CALLBACK) || !url.searchParams.has('code')) {
    throw new Error(
      `prompt=none ended at ${url.origin}${url.pathname} (${url.searchParams.get('error') ?? 'no code'}) on ${origin}`,
    );
  }
  const tokens = await authorization.tokens(url);
  if (tokens.claims()?.sub !== survivor.sub) throw new Error(`the session signed in ${tokens.claims()?.sub}`);
}
