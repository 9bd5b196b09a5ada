import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type { PasskeyRecord, Store, StoreSpec } from '../adapters/contract.js';
import { AccountNotFoundError } from '../adapters/errors.js';
import { openStore } from '../adapters/open.js';
import { backends, specOrSkip } from './helpers/stores.js';

/** A passkey of `accountId` as registration stores it (the key bytes need not be a real key here). */
function passkey(accountId: string, more: Partial<PasskeyRecord> = {}): PasskeyRecord {
  return {
    credentialId: randomBytes(16).toString('base64url'),
    accountId,
    publicKey: new Uint8Array(randomBytes(77)),
    counter: 0,
    transports: ['internal', 'hybrid'],
    createdAt: Date.now(),
    ...more,
  };
}

/** The passkey store's contract (adapters/contract.ts PasskeyStore), on every backend. */
for (const backend of backends) {
  describe(`passkey store contract: ${backend.name}`, () => {
    let spec: StoreSpec;
    let store: Store;

    beforeEach(async function () {
      spec = await specOrSkip(this, backend);
      store = await openStore(spec);
      await store.accounts.upsert({ id: 'alice' });
      await store.accounts.upsert({ id: 'bob' });
    });
    afterEach(async () => {
      await store?.close();
    });

    it('keeps a passkey as given, and lists an account’s passkeys oldest first', async () => {
      const first = passkey('alice', { createdAt: 1000 });
      const second = passkey('alice', { createdAt: 2000, transports: [], counter: 7, lastUsedAt: 2500 });
      expect(await store.passkeys.add(second)).to.equal(true);
      expect(await store.passkeys.add(first)).to.equal(true);
      await store.passkeys.add(passkey('bob'));
      expect(await store.passkeys.get(first.credentialId)).to.deep.equal(first);
      expect(await store.passkeys.listForAccount('alice')).to.deep.equal([first, second]);
      expect(await store.passkeys.listForAccount('carol')).to.deep.equal([]);
      expect(await store.passkeys.get('unknown')).to.equal(undefined);
    });

    it('refuses a second passkey of the same credential id, whichever the account, and keeps the first', async () => {
      const mine = passkey('alice');
      expect(await store.passkeys.add(mine)).to.equal(true);
      expect(await store.passkeys.add({ ...mine, accountId: 'bob', publicKey: new Uint8Array([1, 2, 3]) })).to.equal(
        false,
      );
      expect(await store.passkeys.get(mine.credentialId)).to.deep.equal(mine);
      expect(await store.passkeys.listForAccount('bob')).to.deep.equal([]);
    });

    it('refuses a passkey for an account that does not exist', async () => {
      const error = await store.passkeys.add(passkey('nobody')).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(AccountNotFoundError);
    });

    it('removes a passkey only for its own account', async () => {
      const mine = passkey('alice');
      await store.passkeys.add(mine);
      expect(await store.passkeys.remove('bob', mine.credentialId)).to.equal(false);
      expect(await store.passkeys.get(mine.credentialId)).to.deep.equal(mine);
      expect(await store.passkeys.remove('alice', mine.credentialId)).to.equal(true);
      expect(await store.passkeys.get(mine.credentialId)).to.equal(undefined);
      expect(await store.passkeys.remove('alice', mine.credentialId)).to.equal(false);
    });

    it('removing the account removes its passkeys and no others', async () => {
      const mine = passkey('alice');
      const bobs = passkey('bob');
      await store.passkeys.add(mine);
      await store.passkeys.add(bobs);
      expect(await store.accounts.remove('alice')).to.equal(true);
      expect(await store.passkeys.get(mine.credentialId)).to.equal(undefined);
      expect(await store.passkeys.listForAccount('alice')).to.deep.equal([]);
      expect(await store.passkeys.get(bobs.credentialId)).to.deep.equal(bobs);
    });

    it('records a use with a higher counter, and refuses one whose counter is not above the stored one', async () => {
      const mine = passkey('alice', { counter: 5 });
      await store.passkeys.add(mine);
      expect(await store.passkeys.use(mine.credentialId, 6, 10_000)).to.equal(true);
      expect(await store.passkeys.get(mine.credentialId)).to.include({ counter: 6, lastUsedAt: 10_000 });
      // A replayed assertion (the same counter) and a clone lagging behind (a lower one).
      expect(await store.passkeys.use(mine.credentialId, 6, 11_000)).to.equal(false);
      expect(await store.passkeys.use(mine.credentialId, 3, 12_000)).to.equal(false);
      expect(await store.passkeys.get(mine.credentialId)).to.include({ counter: 6, lastUsedAt: 10_000 });
      // Once an authenticator has counted, 0 is a clone's or a reset's: refused too.
      expect(await store.passkeys.use(mine.credentialId, 0, 13_000)).to.equal(false);
    });

    it('accepts every use of an authenticator that keeps no counter (0 then 0)', async () => {
      const synced = passkey('alice');
      await store.passkeys.add(synced);
      expect(await store.passkeys.use(synced.credentialId, 0, 1)).to.equal(true);
      expect(await store.passkeys.use(synced.credentialId, 0, 2)).to.equal(true);
      expect(await store.passkeys.get(synced.credentialId)).to.include({ counter: 0, lastUsedAt: 2 });
    });

    it('refuses a use of a removed passkey', async () => {
      const mine = passkey('alice');
      await store.passkeys.add(mine);
      await store.passkeys.remove('alice', mine.credentialId);
      expect(await store.passkeys.use(mine.credentialId, 1, 1)).to.equal(false);
      expect(await store.passkeys.get(mine.credentialId)).to.equal(undefined);
    });

    it('of concurrent uses with one counter, from two stores on the backend, exactly one passes', async () => {
      const mine = passkey('alice', { counter: 1 });
      await store.passkeys.add(mine);
      const other = await openStore(spec);
      try {
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).passkeys.use(mine.credentialId, 2, i)),
        );
        expect(results.filter(Boolean)).to.have.length(1);
      } finally {
        await other.close();
      }
      expect(await store.passkeys.get(mine.credentialId)).to.include({ counter: 2 });
    });
  });
}
