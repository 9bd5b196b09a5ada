import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { AlreadyConsumedError, StoreUnavailableError } from '../adapters/errors.js';
import { openSqliteStore } from '../adapters/sqlite/store.js';
import { temporaryFolder } from './helpers/stores.js';

/** Rows of oidc-provider's Session model, read through a connection of its own (what another process sees). */
function sessionsOnFile(file: string): number {
  const observer = new Database(file, { readonly: true });
  try {
    return (observer.prepare("SELECT count(*) AS n FROM oidc WHERE model = 'Session'").get() as { n: number }).n;
  } finally {
    observer.close();
  }
}

const walBytes = (file: string) => statSync(`${file}-wal`).size;

describe("SQLite: oidc-provider's writes committed in groups", () => {
  it('commits the writes of one turn of the event loop together, each resolved only once it is on the file', async () => {
    const file = join(temporaryFolder(), 'group.sqlite');
    const store = openSqliteStore(file);
    try {
      const sessions = store.adapterFor('Session');
      await sessions.upsert('warm-up', { uid: 'w' }, 60);

      let wal = walBytes(file);
      for (let i = 0; i < 20; i++) await sessions.upsert(`one-by-one-${i}`, { uid: `a${i}` }, 60);
      const oneByOne = walBytes(file) - wal;

      wal = walBytes(file);
      const together = Array.from({ length: 20 }, (_, i) => sessions.upsert(`together-${i}`, { uid: `b${i}` }, 60));
      // Asked for, not yet committed: nobody has been told they are stored, and nobody sees them.
      expect(sessionsOnFile(file)).to.equal(21);
      await Promise.all(together);
      expect(sessionsOnFile(file)).to.equal(41);
      // Each commit writes the pages it changed to the write-ahead log: one commit writes them once.
      expect(walBytes(file) - wal).to.be.below(oneByOne / 4);
    } finally {
      await store.close();
    }
  });

  it('fails a write alone (a code already spent) while the others of its group are stored', async () => {
    const file = join(temporaryFolder(), 'group-failure.sqlite');
    const store = openSqliteStore(file);
    try {
      const codes = store.adapterFor('AuthorizationCode');
      await codes.upsert('spent', { grantId: 'g' }, 60);
      await codes.consume('spent');
      const [again, stored] = await Promise.allSettled([
        codes.consume('spent'),
        store.adapterFor('Session').upsert('s', { uid: 'u' }, 60),
      ]);
      expect(again.status === 'rejected' && again.reason).to.be.instanceOf(AlreadyConsumedError);
      expect(stored.status).to.equal('fulfilled');
      expect(sessionsOnFile(file)).to.equal(1);
    } finally {
      await store.close();
    }
  });

  it('commits what is pending when the store closes', async () => {
    const file = join(temporaryFolder(), 'group-close.sqlite');
    const store = openSqliteStore(file);
    const write = store.adapterFor('Session').upsert('last', { uid: 'u' }, 60);
    await store.close();
    await write;
    expect(sessionsOnFile(file)).to.equal(1);
  });

  describe('writes ahead of their commit, when the caller holds it', () => {
    /** A store whose caller's unit of work takes every commit it is offered, as the HTTP server's requests do. */
    const holding = (file: string, options: { busyTimeoutMs?: number } = {}) => {
      const held: Promise<void>[] = [];
      const store = openSqliteStore(file, { ...options, holdCommit: (commit) => held.push(commit) > 0 });
      return { store, held };
    };

    it('resolves before the commit; this connection reads what it was told is written, another only once committed', async () => {
      const file = join(temporaryFolder(), 'ahead.sqlite');
      const { store, held } = holding(file);
      try {
        const sessions = store.adapterFor('Session');
        await sessions.upsert('one', { uid: 'u1', grantId: 'g1' }, 60);
        await sessions.upsert('two', { uid: 'u2', grantId: 'g2' }, 60);
        await sessions.upsert('three', { uid: 'u3', grantId: 'g2' }, 60);
        await sessions.destroy('one');
        await store.adapterFor('Session').revokeByGrantId('g2');
        await sessions.upsert('three', { uid: 'u3', grantId: 'g3' }, 60);
        await store.adapterFor('Grant').upsert('two', { accountId: 'a' }, 60);
        expect(held).to.have.length(7);
        // Told, not yet committed: nobody else sees them.
        expect(sessionsOnFile(file)).to.equal(0);

        expect(await sessions.find('one')).to.equal(undefined);
        expect(await sessions.find('two')).to.equal(undefined);
        expect(await sessions.findByUid('u2')).to.equal(undefined);
        expect(await sessions.find('three')).to.deep.equal({ uid: 'u3', grantId: 'g3' });
        expect(await sessions.findByUid('u3')).to.deep.equal({ uid: 'u3', grantId: 'g3' });
        expect(await store.adapterFor('Grant').find('two')).to.deep.equal({ accountId: 'a' });
        // Each read that a write ahead decided waits for that write's commit too.
        expect(held.length).to.be.greaterThan(7);

        await Promise.all(held);
        expect(sessionsOnFile(file)).to.equal(1);
        expect(await sessions.find('three')).to.deep.equal({ uid: 'u3', grantId: 'g3' });
      } finally {
        await store.close();
      }
    });

    it('hands a failed commit to the holder, and forgets the writes it had shown', async () => {
      const file = join(temporaryFolder(), 'ahead-failure.sqlite');
      const { store, held } = holding(file, { busyTimeoutMs: 50 });
      const locker = new Database(file);
      try {
        const sessions = store.adapterFor('Session');
        await sessions.upsert('present', { uid: 'p' }, 60);
        await Promise.all(held.splice(0));

        // Another process holds the file's write lock past the busy timeout.
        locker.exec('BEGIN IMMEDIATE');
        await sessions.upsert('lost', { uid: 'l' }, 60);
        await sessions.destroy('present');
        expect(await sessions.find('lost')).to.deep.equal({ uid: 'l' });
        const outcomes = await Promise.allSettled(held.splice(0));
        expect(outcomes.map((o) => o.status === 'rejected' && o.reason)).to.satisfy((reasons: unknown[]) =>
          reasons.every((reason) => reason instanceof StoreUnavailableError),
        );
        locker.exec('ROLLBACK');

        expect(await sessions.find('lost')).to.equal(undefined);
        expect(await sessions.find('present')).to.deep.equal({ uid: 'p' });
        expect(sessionsOnFile(file)).to.equal(1);
      } finally {
        if (locker.inTransaction) locker.exec('ROLLBACK');
        locker.close();
        await store.close();
      }
    });

    it('waits for the commit itself, as any write, when no caller holds it', async () => {
      const file = join(temporaryFolder(), 'ahead-unheld.sqlite');
      const store = openSqliteStore(file, { holdCommit: () => false });
      try {
        const written = store.adapterFor('Session').upsert('s', { uid: 'u' }, 60);
        expect(sessionsOnFile(file)).to.equal(0);
        await written;
        expect(sessionsOnFile(file)).to.equal(1);
      } finally {
        await store.close();
      }
    });
  });
});
