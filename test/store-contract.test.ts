import { expect } from 'chai';
import type { KeyRecord, Store } from '../adapters/contract.js';
import { AccountNotFoundError } from '../adapters/errors.js';
import { openStore } from '../adapters/open.js';
import { backends, specOrSkip } from './helpers/stores.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const vector = (...values: number[]) => Float32Array.from(values);

for (const backend of backends) {
  describe(`store contract: ${backend.name}`, function () {
    let store: Store;

    beforeEach(async function () {
      store = await openStore(await specOrSkip(this, backend));
    });
    afterEach(async () => { await store?.close(); });

    describe('oidc-provider adapter', () => {
      it('finds what it stored, and nothing for an unknown id', async () => {
        const tokens = store.adapterFor('AccessToken');
        await tokens.upsert('at1', { jti: 'at1', accountId: 'alice', grantId: 'g1' }, 60);
        expect(await tokens.find('at1')).to.deep.equal({ jti: 'at1', accountId: 'alice', grantId: 'g1' });
        expect(await tokens.find('nope')).to.equal(undefined);
      });

      it('keeps models apart under the same id', async () => {
        await store.adapterFor('AccessToken').upsert('same', { kind: 'access' }, 60);
        await store.adapterFor('RefreshToken').upsert('same', { kind: 'refresh' }, 60);
        expect(await store.adapterFor('AccessToken').find('same')).to.deep.equal({ kind: 'access' });
      });

      it('replaces a record on upsert and forgets its consumption', async () => {
        const codes = store.adapterFor('AuthorizationCode');
        await codes.upsert('c1', { v: 1 }, 60);
        await codes.consume('c1');
        await codes.upsert('c1', { v: 2 }, 60);
        expect(await codes.find('c1')).to.deep.equal({ v: 2 });
      });

      it('expires a record after its lifetime', async () => {
        const interactions = store.adapterFor('Interaction');
        await interactions.upsert('i1', { uid: 'i1' }, 1);
        expect(await interactions.find('i1')).to.not.equal(undefined);
        await sleep(2100);
        expect(await interactions.find('i1')).to.equal(undefined);
      });

      it('keeps a record without lifetime', async () => {
        await store.adapterFor('Client').upsert('cl', { client_id: 'cl' });
        expect(await store.adapterFor('Client').find('cl')).to.deep.equal({ client_id: 'cl' });
      });

      it('marks a consumed record with the time of consumption', async () => {
        const codes = store.adapterFor('AuthorizationCode');
        await codes.upsert('c2', { grantId: 'g' }, 60);
        const before = Math.floor(Date.now() / 1000);
        await codes.consume('c2');
        const found = await codes.find('c2');
        expect(found?.consumed).to.be.a('number').within(before, before + 2);
        await codes.consume('never-stored');
        expect(await codes.find('never-stored')).to.equal(undefined);
      });

      it('finds a session by its uid', async () => {
        const sessions = store.adapterFor('Session');
        await sessions.upsert('s1', { uid: 'u1', accountId: 'alice' }, 60);
        expect(await sessions.findByUid('u1')).to.deep.equal({ uid: 'u1', accountId: 'alice' });
        expect(await sessions.findByUid('u2')).to.equal(undefined);
        await sessions.destroy('s1');
        expect(await sessions.findByUid('u1')).to.equal(undefined);
      });

      it('finds a device code by its user code', async () => {
        const codes = store.adapterFor('DeviceCode');
        await codes.upsert('d1', { userCode: 'ABCD-EFGH' }, 60);
        expect(await codes.findByUserCode('ABCD-EFGH')).to.deep.equal({ userCode: 'ABCD-EFGH' });
      });

      it('destroys a record', async () => {
        const tokens = store.adapterFor('AccessToken');
        await tokens.upsert('at2', { grantId: 'g' }, 60);
        await tokens.destroy('at2');
        expect(await tokens.find('at2')).to.equal(undefined);
      });

      it('revokes by grant only the records of that grant and model', async () => {
        const access = store.adapterFor('AccessToken');
        const refresh = store.adapterFor('RefreshToken');
        await access.upsert('a1', { grantId: 'g1' }, 60);
        await access.upsert('a2', { grantId: 'g1' }, 600);
        await access.upsert('a3', { grantId: 'g2' }, 60);
        await refresh.upsert('r1', { grantId: 'g1' }, 60);
        await access.revokeByGrantId('g1');
        expect(await access.find('a1')).to.equal(undefined);
        expect(await access.find('a2')).to.equal(undefined);
        expect(await access.find('a3')).to.deep.equal({ grantId: 'g2' });
        expect(await refresh.find('r1')).to.deep.equal({ grantId: 'g1' });
      });
    });

    describe('accounts', () => {
      it('creates, updates keeping createdAt, lists by id and gets', async () => {
        const created = await store.accounts.upsert({ id: 'bob', name: 'Bob', email: 'bob@example.com', emailVerified: true });
        await store.accounts.upsert({ id: 'alice', givenName: 'Alice' });
        const updated = await store.accounts.upsert({ id: 'bob', name: 'Robert' });
        expect(updated).to.deep.equal({ id: 'bob', name: 'Robert', createdAt: created.createdAt });
        expect((await store.accounts.list()).map((a) => a.id)).to.deep.equal(['alice', 'bob']);
        expect(await store.accounts.get('alice')).to.include({ id: 'alice', givenName: 'Alice' });
        expect(await store.accounts.get('carol')).to.equal(undefined);
      });

      it('removes an account with its templates, and says whether there was one', async () => {
        await store.accounts.upsert({ id: 'dave' });
        await store.accounts.upsert({ id: 'erin' });
        await store.templates.add('dave', 'm', [vector(1, 2)]);
        await store.templates.add('erin', 'm', [vector(3, 4)]);
        expect(await store.accounts.remove('dave')).to.equal(true);
        expect(await store.accounts.remove('dave')).to.equal(false);
        expect(await store.templates.listForAccount('dave')).to.deep.equal([]);
        expect((await store.templates.list('m')).map((t) => t.accountId)).to.deep.equal(['erin']);
      });
    });

    describe('face templates', () => {
      beforeEach(async () => { await store.accounts.upsert({ id: 'alice' }); });

      it('keeps embeddings exactly, as float32', async () => {
        const embedding = vector(0.1, -0.25, 1e-7, 3.4e38);
        const [added] = await store.templates.add('alice', 'dlib', [embedding]);
        const [listed] = await store.templates.list('dlib');
        expect(listed).to.deep.equal(added);
        expect(Array.from(listed!.embedding)).to.deep.equal(Array.from(embedding));
        expect(listed!.embedding).to.be.instanceOf(Float32Array);
      });

      it('lists by model and by account', async () => {
        await store.accounts.upsert({ id: 'bob' });
        await store.templates.add('alice', 'a', [vector(1), vector(2)]);
        await store.templates.add('alice', 'b', [vector(3)]);
        await store.templates.add('bob', 'a', [vector(4)]);
        expect((await store.templates.list('a')).map((t) => t.embedding[0]).sort()).to.deep.equal([1, 2, 4]);
        expect((await store.templates.listForAccount('alice')).map((t) => t.model).sort()).to.deep.equal(['a', 'a', 'b']);
      });

      it('replaces only the account\'s templates of that model', async () => {
        await store.templates.add('alice', 'a', [vector(1)]);
        await store.templates.add('alice', 'b', [vector(2)]);
        await store.templates.add('alice', 'a', [vector(5), vector(6)], { replace: true });
        const templates = await store.templates.listForAccount('alice');
        expect(templates.map((t) => `${t.model}${t.embedding[0]}`).sort()).to.deep.equal(['a5', 'a6', 'b2']);
      });

      it('refuses templates for an unknown account, adding nothing', async () => {
        const before = await store.templates.revision();
        const error = await store.templates.add('nobody', 'a', [vector(1)]).catch((e: unknown) => e);
        expect(error).to.be.instanceOf(AccountNotFoundError).and.include({ code: 'account_not_found' });
        expect(await store.templates.list('a')).to.deep.equal([]);
        expect(await store.templates.revision()).to.equal(before);
      });

      it('raises the revision on every change to templates or accounts', async () => {
        const r0 = await store.templates.revision();
        await store.templates.add('alice', 'a', [vector(1)]);
        const r1 = await store.templates.revision();
        await store.accounts.upsert({ id: 'bob' });
        const r2 = await store.templates.revision();
        await store.accounts.remove('bob');
        const r3 = await store.templates.revision();
        expect(r1).to.be.above(r0);
        expect(r2).to.be.above(r1);
        expect(r3).to.be.above(r2);
      });
    });

    describe('keys', () => {
      const key = (kid: string, createdAt = Date.now()): KeyRecord => ({ kind: 'signing', kid, createdAt, jwk: { kty: 'EC', kid, alg: 'ES256' } });

      it('stores the first set only, and returns the one stored', async () => {
        const first = await store.keys.ensure('signing', [key('k1'), key('k2')]);
        const second = await store.keys.ensure('signing', [key('k3')]);
        expect(first.map((k) => k.kid)).to.deep.equal(['k1', 'k2']);
        expect(second).to.deep.equal(first);
        expect(await store.keys.list('cookie')).to.deep.equal([]);
      });

      it('agrees on one set when many start at once', async () => {
        const results = await Promise.all(['a', 'b', 'c', 'd'].map((kid) => store.keys.ensure('cookie', [{ ...key(kid), kind: 'cookie' }])));
        const winners = new Set(results.map((keys) => keys.map((k) => k.kid).join()));
        expect(winners.size).to.equal(1);
        expect(results[0]).to.have.length(1);
      });

      it('adds rotated keys newest first, keeping the earlier ones', async () => {
        await store.keys.ensure('signing', [key('old')]);
        await store.keys.add('signing', [key('new-rs'), key('new-ec')]);
        expect((await store.keys.list('signing')).map((k) => k.kid)).to.deep.equal(['new-rs', 'new-ec', 'old']);
      });
    });

    it('answers ping while open, and StoreUnavailableError once closed', async () => {
      await store.ping();
      await store.close();
      const error = await store.ping().catch((e: unknown) => e);
      expect(error).to.include({ code: 'store_unavailable' });
    });
  });
}
