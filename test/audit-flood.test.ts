import { expect } from 'chai';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditEvent, Store } from '../adapters/contract.js';
import { openPostgresStore } from '../adapters/postgres/store.js';
import { openRedisStore } from '../adapters/redis/store.js';
import { openSqliteStore } from '../adapters/sqlite/store.js';
import { emptyFrame, portrait, webcamFrame } from './helpers/face-fixtures.js';
import { enrollPhotos, startTestFacegate, type TestFacegate } from './support/facegate.js';
import { openFacePage, postFace } from './helpers/face-page.js';
import { postgresMissing, testPostgresUrl, uniqueSchema } from './helpers/postgres.js';
import { redisMissing, testRedisUrl, uniqueKeyPrefix } from './helpers/redis.js';
import { temporaryFolder } from './helpers/stores.js';

/**
 * Issue 11, finding 4: a client cannot wipe the audit trail. Refusals of a client already rate
 * limited fold into one event per key and window, with a count; accepted sign-ins, enrolments and
 * account changes are kept apart from refusals, so no number of refusals pushes them out; and
 * the "type your account name" answers (1:N refused) count against the client's window.
 */
describe('audit flooding over HTTP (SQLite)', function () {
  this.timeout(180_000);
  let facegate: TestFacegate;
  let issuer: URL;

  before(async () => {
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'flood.sqlite') }, undefined, {
      proxy: true,
      face: {
        workers: 1,
        liveness: 'off',
        minGenuineAcceptRate: 0.99,
        attempts: { perInteraction: 5, perIp: { max: 2, windowSeconds: 900 } },
      },
    });
    issuer = new URL(facegate.issuer);
    await enrollPhotos(facegate, 'alice', 'Alice', [await portrait(0)]);
  });
  after(async () => {
    await facegate?.close();
  });

  const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

  it("a rate-limited client's refusals fold into one event with a count", async () => {
    const signIn = await openFacePage(issuer, from('198.51.100.20'));
    const blank = await emptyFrame();
    expect((await postFace(signIn, blank)).status).to.equal(422);
    expect((await postFace(signIn, blank)).status).to.equal(422);
    for (let i = 0; i < 40; i++) expect((await postFace(signIn, blank)).status).to.equal(429);
    const limited = (await facegate.store.audit.recent(1000)).filter(
      (e) => e.result === 'rate_limited' && e.ip === '198.51.100.20',
    );
    expect(limited).to.have.length(1);
    expect(limited[0].count).to.equal(40);
    expect(limited[0].detail.scope).to.equal('ip');
  });

  it('"type your account name" answers (1:N refused) count against the client', async () => {
    const signIn = await openFacePage(issuer, from('198.51.100.21'));
    const alice = await webcamFrame(await portrait(0));
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await postFace(signIn, alice)).status);
    expect(answers).to.deep.equal([409, 409, 429]);
  });
});

/** What a trail keeps when it holds 3 events of each kind: accepted ones survive any number of refusals. */
const retention = { maxAgeMs: 90 * 24 * 3600 * 1000, maxEvents: 3 };
const event = (at: number, result: string, type = 'signin'): AuditEvent => ({
  at,
  type,
  result,
  accountId: 'alice',
  clientId: null,
  ip: '198.51.100.1',
  detail: {},
});

const stores: { name: string; missing: string; open(): Promise<Store | undefined> }[] = [
  {
    name: 'sqlite',
    missing: '',
    open: async () =>
      openSqliteStore(join(temporaryFolder(), 'trail.sqlite'), { auditRetention: retention, sweepEveryMs: 20 }),
  },
  {
    name: 'redis',
    missing: redisMissing,
    open: async () => {
      const url = await testRedisUrl();
      return url ? openRedisStore(url, uniqueKeyPrefix(), { auditRetention: retention }) : undefined;
    },
  },
  {
    name: 'postgres',
    missing: postgresMissing,
    open: async () => {
      const url = testPostgresUrl();
      return url ? openPostgresStore(url, uniqueSchema(), { auditRetention: retention, sweepEveryMs: 20 }) : undefined;
    },
  },
];

for (const backend of stores) {
  describe(`the audit trail keeps successes apart from refusals: ${backend.name}`, () => {
    let store: Store | undefined;
    beforeEach(async function () {
      store = await backend.open();
      if (!store) {
        console.warn(`      ${backend.missing}`);
        this.skip();
      }
    });
    afterEach(async () => {
      await store?.close();
    });

    it('1,000 refusals after an accepted sign-in and an enrolment leave both in the trail', async () => {
      const now = Date.now() - 2000;
      await store!.audit.append(event(now, 'accepted'));
      await store!.audit.append(event(now + 1, 'enrolled', 'enrollment'));
      for (let i = 0; i < 1000; i++) await store!.audit.append(event(now + 2, 'not_recognised'));
      await sleep(100);
      const kept = (await store!.audit.recent(100)).map((e) => e.result);
      expect(kept).to.include.members(['accepted', 'enrolled']);
      expect(kept.filter((r) => r === 'not_recognised')).to.have.length(3);
    });
  });
}
