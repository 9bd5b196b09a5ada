import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { Redis } from 'ioredis';
import type { AuditEvent, InvitationRecord, Store } from '../adapters/contract.js';
import { openRedisStore } from '../adapters/redis/store.js';
import { openSqliteStore } from '../adapters/sqlite/store.js';
import { redisMissing, testRedisUrl, uniqueKeyPrefix } from './helpers/redis.js';
import { temporaryFolder } from './helpers/stores.js';
import { until } from './helpers/until.js';

/**
 * What the contract cannot see from outside: spent, expired and out-of-window records leave the
 * backend, not only its answers. Read behind each store's back: SQLite through a second
 * connection, Redis through a second client.
 */

const day = 24 * 60 * 60 * 1000;
const auditRetention = { maxAgeMs: 90 * day, maxEvents: 3 };

const invitation = (expiresAt: number): InvitationRecord => ({
  tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
  accountId: 'alice',
  profile: {},
  replace: false,
  createdAt: Date.now(),
  expiresAt,
});

const event = (at: number, result: string): AuditEvent => ({
  at,
  type: 'signin',
  result,
  accountId: null,
  clientId: null,
  ip: null,
  detail: {},
});

describe('store retention: sqlite', () => {
  let file: string;
  let opened: Store | undefined;
  let reader: Database.Database | undefined;
  const open = (sweepEveryMs: number) => {
    opened = openSqliteStore(file, { sweepEveryMs, auditRetention });
    reader = new Database(file, { readonly: true });
    return opened;
  };
  const column = <T>(sql: string, ...parameters: unknown[]) =>
    reader!
      .prepare(sql)
      .pluck()
      .all(...parameters) as T[];

  beforeEach(() => {
    file = join(temporaryFolder(), 'retention.sqlite');
  });
  afterEach(async () => {
    reader?.close();
    await opened?.close();
  });

  it('deletes a spent invitation at once and sweeps expired ones, keeping the hash as given', async () => {
    const store = open(50);
    const [spent, expired, live] = [
      invitation(Date.now() + 60_000),
      invitation(Date.now() - 1),
      invitation(Date.now() + 60_000),
    ];
    for (const record of [spent, expired, live]) await store.invitations.create(record);
    await store.invitations.consume(spent.tokenHash);
    expect(column('SELECT token_hash FROM invitations WHERE token_hash = ?', spent.tokenHash)).to.deep.equal([]);
    await until('one invitation left', () => column('SELECT token_hash FROM invitations').length === 1, 2000);
    expect(column('SELECT token_hash FROM invitations')).to.deep.equal([live.tokenHash]);
  });

  it('sweeps audit events older than 90 days and the oldest beyond the count', async () => {
    const store = open(50);
    const now = Date.now();
    await store.audit.append(event(now - 91 * day, 'ancient'));
    for (let i = 0; i < 5; i++) await store.audit.append(event(now - 5 + i, `e${i}`));
    await until('three events left', () => column('SELECT result FROM audit_events').length === 3, 2000);
    expect(column('SELECT result FROM audit_events ORDER BY at')).to.deep.equal(['e2', 'e3', 'e4']);
  });

  it("deletes a key's attempts that left the window when it records the next", async () => {
    const store = open(60_000);
    const t0 = 1_700_000_000_000;
    await store.attempts.record('ip:a', 10, t0);
    await store.attempts.record('ip:a', 10, t0 + 5000);
    await store.attempts.record('ip:a', 10, t0 + 12_000);
    expect(column('SELECT at FROM attempts WHERE key = ? ORDER BY at', 'ip:a')).to.deep.equal([t0 + 5000, t0 + 12_000]);
  });

  it('sweeps the attempts of keys nobody records under any more', async () => {
    const store = open(50);
    await store.attempts.record('ip:gone', 1, Date.now() - 5000);
    await store.attempts.record('ip:kept', 60);
    await until('one attempt window left', () => column('SELECT key FROM attempts').length === 1, 2000);
    expect(column('SELECT key FROM attempts')).to.deep.equal(['ip:kept']);
  });
});

describe('store retention: redis', () => {
  let store: Store | undefined;
  let redis: Redis | undefined;
  let prefix: string;

  beforeEach(async function () {
    const url = await testRedisUrl();
    if (!url) {
      console.warn(`      ${redisMissing}`);
      this.skip();
    }
    prefix = uniqueKeyPrefix();
    store = await openRedisStore(url, prefix, { auditRetention });
    redis = new Redis(url);
  });
  afterEach(async () => {
    redis?.disconnect();
    await store?.close();
  });

  it('keeps an invitation under the hash given, until it is spent or expires', async () => {
    const [spent, expired, shortLived] = [
      invitation(Date.now() + 60_000),
      invitation(Date.now() - 1),
      invitation(Date.now() + 200),
    ];
    for (const record of [spent, expired, shortLived]) await store!.invitations.create(record);
    const key = (record: InvitationRecord) => `${prefix}invitation:${record.tokenHash}`;
    expect(await redis!.pttl(key(spent))).to.be.within(1, 60_000);
    await store!.invitations.consume(spent.tokenHash);
    expect(await redis!.exists(key(spent), key(expired))).to.equal(0);
    expect(await redis!.exists(key(shortLived))).to.equal(1);
    await sleep(300);
    expect(await redis!.exists(key(shortLived))).to.equal(0);
  });

  it('trims the audit trail by age and by count on append', async () => {
    const now = Date.now();
    await store!.audit.append(event(now - 91 * day, 'ancient'));
    expect(await redis!.zcard(`${prefix}audit:events`)).to.equal(0);
    for (let i = 0; i < 5; i++) await store!.audit.append(event(now - 5 + i, `e${i}`));
    expect(await redis!.zcard(`${prefix}audit:events`)).to.equal(3);
    expect((await store!.audit.recent(10)).map((e) => e.result)).to.deep.equal(['e4', 'e3', 'e2']);
  });

  it('forgets attempts that left the window, and the whole key one window after the last', async () => {
    const t0 = 1_700_000_000_000;
    await store!.attempts.record('ip:a', 10, t0);
    await store!.attempts.record('ip:a', 10, t0 + 5000);
    await store!.attempts.record('ip:a', 10, t0 + 12_000);
    expect(await redis!.zrangebyscore(`${prefix}attempts:ip:a`, '-inf', '+inf')).to.have.length(2);
    expect(await redis!.pttl(`${prefix}attempts:ip:a`)).to.be.within(1, 10_000);
    await store!.attempts.record('ip:b', 0.2);
    await sleep(300);
    expect(await redis!.exists(`${prefix}attempts:ip:b`)).to.equal(0);
  });
});
