import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { AlreadyConsumedError } from '../adapters/errors.js';
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
});
