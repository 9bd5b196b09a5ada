import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { sqliteAccounts } from '../adapters/sqlite/accounts.js';
import { sqliteGalleryChanges } from '../adapters/sqlite/gallery-changes.js';
import { sqliteKeys } from '../adapters/sqlite/keys.js';
import { migrate, schemaVersion } from '../adapters/sqlite/migrations.js';
import { openSqliteStore } from '../adapters/sqlite/store.js';
import { sqliteTemplates } from '../adapters/sqlite/templates.js';
import { temporaryFolder } from './helpers/stores.js';

const userVersion = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

describe('sqlite store migrations', () => {
  it('brings a file written before invitations, audit and attempts up to date, keeping everything', async () => {
    const file = join(temporaryFolder(), 'schema-1.sqlite');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.pragma('foreign_keys = ON');
    migrate(old, 1);
    const key = { kind: 'signing' as const, kid: 'k1', createdAt: 1, jwk: { kty: 'EC', kid: 'k1', alg: 'ES256' } };
    const changes = sqliteGalleryChanges(file);
    const account = await sqliteAccounts(old, changes).upsert({ id: 'alice', name: 'Alice', emailVerified: false });
    const templates = await sqliteTemplates(old, changes).add('alice', 'dlib', [Float32Array.from([0.5, -0.25])]);
    await sqliteKeys(old).ensure('signing', [key]);
    // As the adapter of schema 1 wrote a session (today's adapter fills a column schema 1 has not).
    old
      .prepare(`INSERT INTO oidc (model, id, payload, grant_id, uid, user_code, consumed_at, expires_at)
        VALUES ('Session', 's1', ?, NULL, 'u1', NULL, NULL, ?)`)
      .run(JSON.stringify({ uid: 'u1', accountId: 'alice' }), Date.now() + 3_600_000);
    const revision = await sqliteTemplates(old, changes).revision();
    old.close();
    expect(userVersion(file)).to.equal(1);

    const store = openSqliteStore(file);
    try {
      expect(userVersion(file)).to.equal(schemaVersion);
      expect(await store.accounts.list()).to.deep.equal([account]);
      expect(await store.templates.listForAccount('alice')).to.deep.equal(templates);
      expect(await store.templates.revision()).to.equal(revision);
      expect(await store.keys.list('signing')).to.deep.equal([key]);
      expect(await store.adapterFor('Session').findByUid('u1')).to.deep.equal({ uid: 'u1', accountId: 'alice' });
      expect(await store.attempts.record('ip:a', 60)).to.equal(1);
      expect(await store.audit.recent(10)).to.deep.equal([]);
      // The sessions stored before are found by their account (the /account page's revocation).
      expect(await store.accountTokens.revokeAll('alice')).to.equal(1);
    } finally {
      await store.close();
    }

    const reopened = openSqliteStore(file);
    try {
      expect(userVersion(file)).to.equal(schemaVersion);
      expect(await reopened.attempts.count('ip:a', 60)).to.equal(1);
      expect(await reopened.accounts.get('alice')).to.deep.equal(account);
    } finally {
      await reopened.close();
    }
  });

  it('puts the audit events stored before shelves on the shelf their kind belongs to', async () => {
    const file = join(temporaryFolder(), 'schema-2.sqlite');
    const old = new Database(file);
    migrate(old, 2);
    const insert = old.prepare("INSERT INTO audit_events (at, type, result, detail) VALUES (?, ?, ?, '{}')");
    const now = Date.now();
    insert.run(now - 3, 'signin', 'accepted');
    insert.run(now - 2, 'enrollment', 'enrolled');
    for (let i = 0; i < 5; i++) insert.run(now - 1, 'signin', 'not_recognised');
    old.close();

    // Two events of each shelf kept: the refusals stored after the records do not push them out.
    const store = openSqliteStore(file, { sweepEveryMs: 10, auditRetention: { maxAgeMs: 3_600_000, maxEvents: 2 } });
    try {
      await sleep(100);
      expect((await store.audit.recent(10)).map((e) => e.result)).to.deep.equal([
        'not_recognised',
        'not_recognised',
        'enrolled',
        'accepted',
      ]);
    } finally {
      await store.close();
    }
  });

  it('refuses a file of a newer schema, leaving it as it was', () => {
    const file = join(temporaryFolder(), 'newer.sqlite');
    const newer = new Database(file);
    newer.pragma(`user_version = ${schemaVersion + 1}`);
    newer.close();
    expect(() => openSqliteStore(file))
      .to.throw(/newer than this facegate knows/)
      .with.property('code', 'store_unavailable');
    expect(userVersion(file)).to.equal(schemaVersion + 1);
  });
});
