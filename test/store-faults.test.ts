/**
 * Real store faults against running servers: a SQLite file on a tmpfs that fills up, a Redis that
 * is not there at start, and a Redis killed (SIGKILL) mid-flight and started again. Each must give
 * 503 with Retry-After while it lasts, lose nothing stored, and heal without a restart.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import type { StoreSpec } from '../adapters/contract.js';
import { sample } from './support/prometheus-text.js';
import { createInvitation } from '../src/access/invitations.js';
import { startFacegate } from '../src/server/facegate.js';
import { createLogger } from '../src/server/logger.js';
import { Browser } from './support/browser.js';
import { callback, startTestFacegate, testConfig, type TestFacegate } from './support/facegate.js';
import { portrait, variants, webcamFrame } from './helpers/face-fixtures.js';
import { freePort } from './support/free-port.js';
import { postgresMissing, testPostgresUrl } from './helpers/postgres.js';
import { redisMissing } from './helpers/redis.js';
import { PostgresServer } from './support/postgres-server.js';
import { hasRedisServer, startRedisServer } from './support/redis-server.js';
import { SmallDisk } from './helpers/small-disk.js';
import { temporaryFolder } from './helpers/stores.js';
import { until } from './helpers/until.js';
import { CONSENT } from './helpers/face-uploads.js';
import { startAuthorization, type Authorization } from './support/test-rp.js';

const OUTAGE = 'The sign-in service cannot reach its storage. Try again in a moment.';

/** Alice enrols her face through an invitation link, as a person does. */
async function enroll(facegate: TestFacegate, accountId: string, face: number) {
  const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, { accountId, ttlSeconds: 600 });
  return enrollWith(facegate, link, face);
}

async function enrollWith(facegate: TestFacegate | { issuer: string }, link: string, face: number) {
  const form = new FormData();
  for (const height of [360, 330, 380])
    form.append(
      'frame',
      new Blob([new Uint8Array(await webcamFrame(await portrait(face), height))], { type: 'image/jpeg' }),
    );
  form.append('consent', CONSENT.consent);
  return new Browser(new URL(facegate.issuer).origin).json(link, { method: 'POST', body: form });
}

/** An RP sends the browser to facegate: it is on the face page, the interaction stored. */
async function openSignIn(issuer: string): Promise<{ browser: Browser; page: URL; rp: Authorization }> {
  const rp = await startAuthorization(new URL(issuer));
  const browser = new Browser(new URL(issuer).origin);
  const { url: page } = await browser.navigate(rp.url);
  expect(page.pathname).to.match(/^\/interaction\//);
  return { browser, page, rp };
}

async function postFace(browser: Browser, page: URL, face: number) {
  const frame = await webcamFrame(await variants.flipped(await portrait(face)));
  return browser.json(`${page.pathname}/face`, {
    method: 'POST',
    body: new Uint8Array(frame),
    contentType: 'image/jpeg',
  });
}

/** The face is accepted; returns the RP's callback URL (its code not yet exchanged). */
async function signInToCallback(issuer: string, face: number) {
  const { browser, page, rp } = await openSignIn(issuer);
  const answer = await postFace(browser, page, face);
  expect(answer.body, JSON.stringify(answer.body)).to.include({ status: 'accepted' });
  const { url: back } = await browser.navigate(answer.body.redirectTo as string);
  expect(back.href.startsWith(callback)).to.equal(true);
  return { back, rp };
}

async function signInEndToEnd(issuer: string, face: number): Promise<string | undefined> {
  const { back, rp } = await signInToCallback(issuer, face);
  return (await rp.tokens(back)).claims()?.sub;
}

function refreshTokenRequest(issuer: string, refreshToken = 'r'): Promise<Response> {
  return fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'spa' }),
  });
}

/** The JSON answer of an outage, as oidc-provider's endpoints give it. */
async function expectOutageJson(response: Response): Promise<void> {
  expect(response.status, response.url).to.equal(503);
  expect(response.headers.get('retry-after')).to.equal('5');
  expect(await response.json()).to.deep.equal({ error: 'temporarily_unavailable', error_description: OUTAGE });
}

async function health(
  issuer: string,
): Promise<{ status: number; body: { ok: boolean; checks: Record<string, { ok: boolean; error?: string }> } }> {
  const response = await fetch(new URL('/healthz', issuer));
  return { status: response.status, body: (await response.json()) as never };
}

/**
 * What must survive a fault unchanged: Alice's account and templates, the keys, as the store lists
 * them. Her last sign-in time is left out: signing in after the fault moves it, as it should.
 */
async function storedState(facegate: TestFacegate) {
  const templates = await facegate.store.templates.listForAccount('alice');
  const { lastSignInAt: _moves, ...account } = (await facegate.store.accounts.get('alice')) ?? {};
  return {
    account,
    templates: templates.map((t) => ({ ...t, embedding: Array.from(t.embedding) })),
    signing: await facegate.store.keys.list('signing'),
    cookie: await facegate.store.keys.list('cookie'),
  };
}

/**
 * Before the fault: Alice enrols and signs in end to end; then work is left pending (a code not
 * yet exchanged, a face page open) and what is stored is noted.
 */
async function beforeTheFault(facegate: TestFacegate) {
  expect((await enroll(facegate, 'alice', 0)).body).to.include({ status: 'enrolled' });
  expect(await signInEndToEnd(facegate.issuer, 0)).to.equal('alice');
  return {
    stored: await storedState(facegate),
    pending: await signInToCallback(facegate.issuer, 0),
    open: await openSignIn(facegate.issuer),
  };
}

/** After it, without a restart: the pending work completes, nothing stored changed, a new sign-in works. */
async function afterTheFault(
  facegate: TestFacegate,
  { stored, pending, open }: Awaited<ReturnType<typeof beforeTheFault>>,
) {
  expect((await pending.rp.tokens(pending.back)).claims()?.sub).to.equal('alice');
  expect((await postFace(open.browser, open.page, 0)).body).to.include({ status: 'accepted' });
  expect(await storedState(facegate)).to.deep.equal(stored);
  expect(await signInEndToEnd(facegate.issuer, 0)).to.equal('alice');
}

/** The JSON the pages' scripts get during an outage. */
function expectRefusedForOutage(answer: { status: number; headers: Headers; body: Record<string, unknown> }): void {
  expect(answer.status).to.equal(503);
  expect(answer.headers.get('retry-after')).to.equal('5');
  expect(answer.body).to.deep.include({ status: 'refused', error: 'temporarily_unavailable', message: OUTAGE });
}

/** During a fault, every write of a sign-in is refused: the code exchange, the face, a new authorization. */
async function expectWritesRefused(
  issuer: string,
  { pending, open }: Awaited<ReturnType<typeof beforeTheFault>>,
): Promise<void> {
  // openid-client refuses the answer and hands over the response it got.
  const exchange = await pending.rp.tokens(pending.back).then(
    () => undefined,
    (error: { cause?: unknown }) => error.cause,
  );
  expect(exchange).to.be.instanceOf(Response);
  await expectOutageJson(exchange as Response);
  expectRefusedForOutage(await postFace(open.browser, open.page, 0));
  const authorization = await new Browser(new URL(issuer).origin).request(
    (await startAuthorization(new URL(issuer))).url,
  );
  expect(authorization.status).to.equal(503);
  expect(authorization.headers.get('retry-after')).to.equal('5');
  expect(await authorization.text()).to.include('cannot reach its storage');
}

describe('store faults: SQLite on a file system that breaks', function () {
  this.timeout(120_000);
  let disk: SmallDisk | undefined;
  let facegate: TestFacegate | undefined;
  afterEach(async () => {
    await facegate?.close().catch(() => {});
    disk?.unmount();
    facegate = undefined;
    disk = undefined;
  });

  /** A broken disk of this kind, or the test is skipped, saying why. */
  const diskOrSkip = (context: Mocha.Context, make: () => SmallDisk | string) => {
    const made = make();
    if (typeof made === 'string') {
      console.warn(`      skipped: ${made}`);
      context.skip();
    }
    return (disk = made as SmallDisk);
  };

  const integrityOf = (file: string) => {
    const check = new Database(file, { readonly: true });
    try {
      return check.pragma('integrity_check', { simple: true });
    } finally {
      check.close();
    }
  };

  it('answers writes 503 with Retry-After while the disk is full, keeps reads, loses nothing, and heals when space is freed', async function () {
    disk = diskOrSkip(this, () => SmallDisk.mount(4));
    const file = join(disk.folder, 'facegate.sqlite');
    facegate = await startTestFacegate({ type: 'sqlite', file });
    const { issuer } = facegate;
    const work = await beforeTheFault(facegate);
    const { link } = await createInvitation(facegate.store.invitations, issuer, { accountId: 'bob', ttlSeconds: 600 });

    disk.fill();

    await expectWritesRefused(issuer, work);
    const enrolment = await enrollWith(facegate, link, 2);
    expect(enrolment.status).to.equal(503);
    expect(enrolment.body).to.deep.include({ error: 'temporarily_unavailable' });
    // Reads still answer, /healthz (a read) included: the refused writes show in the metrics.
    expect((await health(issuer)).status).to.equal(200);
    const metrics = await (await fetch(new URL('/metrics', issuer))).text();
    expect(sample(metrics, 'facegate_store_errors_total{source="oidc"}')).to.be.greaterThan(0);
    expect(sample(metrics, 'facegate_store_errors_total{source="pages"}')).to.be.greaterThan(0);
    expect((await fetch(new URL('/jwks', issuer))).status).to.equal(200);
    expect((await fetch(new URL('/.well-known/openid-configuration', issuer))).status).to.equal(200);
    expect((await facegate.store.accounts.list()).map((a) => a.id)).to.deep.equal(['alice']);

    disk.free();

    // The same connection writes again.
    expect((await health(issuer)).status).to.equal(200);
    await afterTheFault(facegate, work);
    expect((await enrollWith(facegate, link, 2)).body).to.include({ status: 'enrolled' });
    expect((await facegate.store.accounts.list()).map((a) => a.id)).to.deep.equal(['alice', 'bob']);
    expect(integrityOf(file)).to.equal('ok');
  });

  it('answers writes 503 while the kernel holds the file system read-only after an error, keeps reads, and lets it be unmounted and repaired without a restart', async function () {
    disk = diskOrSkip(this, () => SmallDisk.ext4(16));
    const file = join(disk.folder, 'facegate.sqlite');
    facegate = await startTestFacegate({ type: 'sqlite', file });
    const { issuer } = facegate;
    const work = await beforeTheFault(facegate);

    disk.forceReadOnly();

    await expectWritesRefused(issuer, work);
    // Reads still answer: the file is opened again for each, read-only.
    expect((await health(issuer)).status).to.equal(200);
    expect((await facegate.store.accounts.get('alice'))?.id).to.equal('alice');

    // The kernel keeps it read-only until it is unmounted: facegate holds no file there between
    // requests, so the unmount is not refused as busy.
    disk.repair();

    expect((await health(issuer)).status).to.equal(200);
    await afterTheFault(facegate, work);
    expect(integrityOf(file)).to.equal('ok');
  });
});

describe('store faults: Redis', function () {
  this.timeout(120_000);
  const servers: ChildProcess[] = [];
  let facegate: TestFacegate | undefined;
  before(function () {
    if (!hasRedisServer()) {
      console.warn(`      ${redisMissing}`);
      this.skip();
    }
  });
  afterEach(async () => {
    await facegate?.close().catch(() => {});
    facegate = undefined;
    for (const server of servers.splice(0))
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  });

  /** A persistent redis-server (append-only file in its own folder), so a restart keeps the data. */
  const persistentRedis = (port: number, folder: string) =>
    startRedisServer(port, ['--dir', folder, '--appendonly', 'yes', '--save', '']).then((server) => {
      servers.push(server);
      return server;
    });

  it('waits for a Redis that is down at start: 503 with Retry-After meanwhile, then finishes its start without a restart', async () => {
    const redisPort = await freePort();
    const storage: StoreSpec = { type: 'redis', url: `redis://127.0.0.1:${redisPort}`, keyPrefix: 'facegate-faults:' };
    const config = testConfig(storage, await freePort());
    const { issuer } = config;
    const starting = startFacegate(config, { logger: createLogger('silent') });
    starting.catch(() => {});

    const waiting = await until('facegate listening', async () => health(issuer));
    expect(waiting.status).to.equal(503);
    expect(waiting.body.ok).to.equal(false);
    expect(waiting.body.checks.store!.ok).to.equal(false);
    expect(waiting.body.checks.store!.error).to.equal(
      `the redis store is unavailable: connect ECONNREFUSED 127.0.0.1:${redisPort}`,
    );
    // The process is alive (a liveness probe must not restart it), not ready (no traffic yet).
    const live = await fetch(new URL('/livez', issuer));
    expect(live.status).to.equal(200);
    expect(live.headers.get('x-content-type-options')).to.equal('nosniff');
    expect((await fetch(new URL('/readyz', issuer))).status).to.equal(503);
    await expectOutageJson(await fetch(new URL('/.well-known/openid-configuration', issuer)));
    await expectOutageJson(await refreshTokenRequest(issuer));
    const page = await new Browser(new URL(issuer).origin).request('/auth?client_id=spa');
    expect(page.status).to.equal(503);
    expect(page.headers.get('retry-after')).to.equal('5');
    expect(await page.text())
      .to.include('temporarily_unavailable')
      .and.include('cannot reach its storage');

    await persistentRedis(redisPort, temporaryFolder());
    facegate = Object.assign(await starting, { config });
    expect((await health(issuer)).status).to.equal(200);
    // Keys were created, the provider built, the gallery loaded: enrol and sign in.
    expect(((await fetch(new URL('/jwks', issuer)).then((r) => r.json())) as { keys: unknown[] }).keys).to.not.be.empty;
    expect((await enroll(facegate, 'alice', 0)).body).to.include({ status: 'enrolled' });
    expect(await signInEndToEnd(issuer, 0)).to.equal('alice');
  });

  it('answers 503 at once while Redis is killed mid-flight, and serves again when it is back on the same port', async () => {
    const redisPort = await freePort();
    const folder = temporaryFolder();
    let redis = await persistentRedis(redisPort, folder);
    facegate = await startTestFacegate({
      type: 'redis',
      url: `redis://127.0.0.1:${redisPort}`,
      keyPrefix: 'facegate-faults:',
    });
    const { issuer } = facegate;
    const work = await beforeTheFault(facegate);
    const { open } = work;

    redis.kill('SIGKILL');
    await new Promise((resolve) => redis.once('exit', resolve));

    const started = Date.now();
    await expectOutageJson(await refreshTokenRequest(issuer));
    expectRefusedForOutage(await postFace(open.browser, open.page, 0));
    const sick = await health(issuer);
    expect(sick.status).to.equal(503);
    expect(sick.body.checks.store!.error).to.include('redis store is unavailable');
    // Failed at once, not queued until Redis comes back.
    expect(Date.now() - started).to.be.below(3000);

    redis = await persistentRedis(redisPort, folder);
    await until('healthy again', async () => (await health(issuer)).status === 200 || undefined);
    // What was stored before the kill is there (append-only file): the code, the open interaction.
    await afterTheFault(facegate, work);
  });

  it('answers 503 within the command timeout when Redis stops answering (SIGSTOP), and serves again on SIGCONT', async () => {
    const redisPort = await freePort();
    const redis = await persistentRedis(redisPort, temporaryFolder());
    facegate = await startTestFacegate({
      type: 'redis',
      url: `redis://127.0.0.1:${redisPort}`,
      keyPrefix: 'facegate-faults:',
    });
    const { issuer } = facegate;
    const open = await openSignIn(issuer);

    redis.kill('SIGSTOP');
    try {
      const started = Date.now();
      await expectOutageJson(await refreshTokenRequest(issuer));
      // The command timeout is 3 s.
      expect(Date.now() - started).to.be.within(2900, 4000);
      expect((await health(issuer)).status).to.equal(503);
    } finally {
      redis.kill('SIGCONT');
    }
    await until('healthy again', async () => (await health(issuer)).status === 200 || undefined);
    expect((await open.browser.request(open.page)).status).to.equal(200);
  });
});

describe('store faults: PostgreSQL', function () {
  this.timeout(180_000);
  let facegate: TestFacegate | undefined;
  let server: PostgresServer | undefined;

  beforeEach(async function () {
    // Each test has a server of its own (it stops it); FACEGATE_TEST_POSTGRES_URL says PostgreSQL is wanted here.
    if (!testPostgresUrl()) {
      console.warn(`      ${postgresMissing}`);
      this.skip();
    }
    server = await PostgresServer.start();
    if (!server) {
      console.warn('      PostgreSQL fault tests skipped: no initdb here (apt-get install -y postgresql)');
      this.skip();
    }
  });
  afterEach(async () => {
    await facegate?.close().catch(() => {});
    facegate = undefined;
    await server?.remove();
    server = undefined;
  });

  /** Every grant and refresh token stored, as the database holds them. */
  const committedSignIns = async (facegate: TestFacegate) => {
    const models = ['Grant', 'RefreshToken'];
    const rows = await Promise.all(
      models.map(async (model) => {
        const adapter = facegate.store.adapterFor(model);
        const client = new (await import('pg')).default.Client({ connectionString: server!.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ id: string }>('SELECT id FROM oidc WHERE model = $1 ORDER BY id', [
            model,
          ]);
          return Promise.all(rows.map(async ({ id }) => ({ model, id, payload: await adapter.find(id) })));
        } finally {
          await client.end();
        }
      }),
    );
    return rows.flat();
  };

  it('waits for a PostgreSQL that is down at start: 503 with Retry-After meanwhile, then finishes its start without a restart', async () => {
    await server!.stop('fast');
    const config = testConfig({ type: 'postgres', url: server!.url }, await freePort());
    const { issuer } = config;
    const starting = startFacegate(config, { logger: createLogger('silent') });
    starting.catch(() => {});
    const waiting = await until('facegate listening', async () => health(issuer));
    expect(waiting.status).to.equal(503);
    expect(waiting.body.checks.store!.error).to.include('the postgres store is unavailable');
    await expectOutageJson(await fetch(new URL('/.well-known/openid-configuration', issuer)));

    await server!.resume();
    facegate = Object.assign(await starting, { config });
    expect((await health(issuer)).status).to.equal(200);
    expect((await enroll(facegate, 'alice', 0)).body).to.include({ status: 'enrolled' });
    expect(await signInEndToEnd(issuer, 0)).to.equal('alice');
  });

  it('answers 503 with Retry-After while PostgreSQL is stopped, and serves again once it is started, without a restart', async () => {
    facegate = await startTestFacegate({ type: 'postgres', url: server!.url });
    const { issuer } = facegate;
    const work = await beforeTheFault(facegate);

    await server!.stop('fast');
    await expectWritesRefused(issuer, work);
    const sick = await health(issuer);
    expect(sick.status).to.equal(503);
    expect(sick.body.checks.store!.error).to.include('postgres store is unavailable');

    await server!.resume();
    await until('healthy again', async () => (await health(issuer)).status === 200 || undefined);
    await afterTheFault(facegate, work);
  });

  it('keeps every committed grant, refresh token, template and key through an immediate shutdown and a kill -9 of PostgreSQL', async () => {
    facegate = await startTestFacegate({ type: 'postgres', url: server!.url });
    const { issuer } = facegate;
    const work = await beforeTheFault(facegate);
    // A sign-in that asks for offline access, so a refresh token is stored too.
    const rp = await startAuthorization(new URL(issuer), 'spa', { scope: 'openid offline_access', prompt: 'consent' });
    const browser = new Browser(new URL(issuer).origin);
    const { url: page } = await browser.navigate(rp.url);
    const answer = await postFace(browser, page, 0);
    const { url: back } = await browser.navigate(answer.body.redirectTo as string);
    const tokens = await rp.tokens(back);
    expect(tokens.refresh_token).to.be.a('string');
    const signIns = await committedSignIns(facegate);
    expect(signIns.filter((s) => s.model === 'RefreshToken')).to.have.length.above(0);
    expect(signIns.every((s) => s.payload !== undefined)).to.equal(true);

    for (const mode of ['immediate', 'kill'] as const) {
      await server!.stop(mode);
      expect((await health(issuer)).status).to.equal(503);
      await server!.resume();
      await until('healthy again', async () => (await health(issuer)).status === 200 || undefined);
      expect(await committedSignIns(facegate), mode).to.deep.equal(signIns);
      expect(await storedState(facegate), mode).to.deep.equal(work.stored);
    }
    const refreshed = await refreshTokenRequest(issuer, tokens.refresh_token!);
    expect(refreshed.status).to.equal(200);
    await afterTheFault(facegate, work);
  });
});

describe('store faults: a SQLite file that cannot be opened at start', () => {
  it('still stops the start at once (only Redis is waited for)', async () => {
    const folder = temporaryFolder();
    const notAFolder = join(folder, 'file');
    spawnSync('touch', [notAFolder]);
    const config = testConfig({ type: 'sqlite', file: join(notAFolder, 'facegate.sqlite') }, await freePort());
    const error = await startFacegate(config, { logger: createLogger('silent') }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).to.include('sqlite store is unavailable');
  });
});
