import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import type { AuditEvent, GalleryChange, InvitationRecord, KeyRecord, Store, StoreSpec } from '../adapters/contract.js';
import { AccountNotFoundError, AlreadyConsumedError, StoreUnavailableError } from '../adapters/errors.js';
import { openStore } from '../adapters/open.js';
import { backends, specOrSkip } from './helpers/stores.js';
import { until } from './helpers/until.js';

const vector = (...values: number[]) => Float32Array.from(values);
const day = 24 * 60 * 60 * 1000;

for (const backend of backends) {
  describe(`store contract: ${backend.name}`, () => {
    let spec: StoreSpec;
    let store: Store;

    beforeEach(async function () {
      spec = await specOrSkip(this, backend);
      store = await openStore(spec);
    });
    afterEach(async () => {
      await store?.close();
    });

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
        expect(found?.consumed)
          .to.be.a('number')
          .within(before, before + 2);
        // Nothing to spend: refused, and no record made.
        expect(await codes.consume('never-stored').catch((e: unknown) => e)).to.be.instanceOf(AlreadyConsumedError);
        expect(await codes.find('never-stored')).to.equal(undefined);
      });

      it('spends a record once: of concurrent consumes one succeeds, the others reject with AlreadyConsumedError', async () => {
        const codes = store.adapterFor('AuthorizationCode');
        await codes.upsert('c3', { grantId: 'g' }, 60);
        const other = await openStore(spec);
        try {
          const results = await Promise.allSettled(
            Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).adapterFor('AuthorizationCode').consume('c3')),
          );
          expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
          for (const r of results.filter((r) => r.status === 'rejected')) {
            expect(r.reason).to.be.instanceOf(AlreadyConsumedError).and.include({ code: 'already_consumed' });
          }
          const error = await codes.consume('c3').catch((e: unknown) => e);
          expect(error).to.be.instanceOf(AlreadyConsumedError);
        } finally {
          await other.close();
        }
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

    describe('account tokens', () => {
      it("revokes every record of the account, of every model, and no other account's", async () => {
        const models = ['Session', 'Grant', 'AccessToken', 'RefreshToken', 'AuthorizationCode'];
        for (const model of models) {
          await store.adapterFor(model).upsert(`alice-${model}`, { accountId: 'alice', grantId: 'g1' }, 600);
          await store.adapterFor(model).upsert(`bob-${model}`, { accountId: 'bob', grantId: 'g2' }, 600);
        }
        // Records without an account (an interaction before sign-in) are no one's.
        await store.adapterFor('Interaction').upsert('i1', { uid: 'i1' }, 600);
        expect(await store.accountTokens.revokeAll('alice')).to.equal(models.length);
        for (const model of models) {
          expect(await store.adapterFor(model).find(`alice-${model}`)).to.equal(undefined);
          expect(await store.adapterFor(model).find(`bob-${model}`)).to.deep.include({ accountId: 'bob' });
        }
        expect(await store.adapterFor('Interaction').find('i1')).to.deep.equal({ uid: 'i1' });
        expect(await store.accountTokens.revokeAll('alice')).to.equal(0);
      });

      it('finds a session by its account once it is signed in, whatever it was stored as before', async () => {
        const sessions = store.adapterFor('Session');
        await sessions.upsert('s1', { uid: 'u1' }, 600);
        await sessions.upsert('s1', { uid: 'u1', accountId: 'carol' }, 600);
        expect(await store.accountTokens.revokeAll('carol')).to.equal(1);
        expect(await sessions.findByUid('u1')).to.equal(undefined);
      });

      it('keeps a record revoked by grant revoked, and counts only what is still there', async () => {
        const access = store.adapterFor('AccessToken');
        await access.upsert('a1', { accountId: 'dave', grantId: 'g' }, 600);
        await access.upsert('a2', { accountId: 'dave', grantId: 'h' }, 600);
        await access.revokeByGrantId('g');
        expect(await store.accountTokens.revokeAll('dave')).to.equal(1);
        expect(await access.find('a2')).to.equal(undefined);
      });
    });

    describe('accounts', () => {
      it('creates, updates keeping createdAt, lists by id and gets', async () => {
        const created = await store.accounts.upsert({
          id: 'bob',
          name: 'Bob',
          email: 'bob@example.com',
          emailVerified: true,
        });
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
      beforeEach(async () => {
        await store.accounts.upsert({ id: 'alice' });
      });

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
        expect((await store.templates.listForAccount('alice')).map((t) => t.model).sort()).to.deep.equal([
          'a',
          'a',
          'b',
        ]);
      });

      it("replaces only the account's templates of that model", async () => {
        await store.templates.add('alice', 'a', [vector(1)]);
        await store.templates.add('alice', 'b', [vector(2)]);
        await store.templates.add('alice', 'a', [vector(5), vector(6)], { replace: true });
        const templates = await store.templates.listForAccount('alice');
        expect(templates.map((t) => `${t.model}${t.embedding[0]}`).sort()).to.deep.equal(['a5', 'a6', 'b2']);
      });

      it('tells which models each account has templates of, and when the newest was made', async () => {
        await store.accounts.upsert({ id: 'bob' });
        const [a1] = await store.templates.add('alice', 'a', [vector(1)]);
        const [b2] = await store.templates.add('alice', 'b', [vector(2), vector(3)]);
        const [a4] = await store.templates.add('bob', 'a', [vector(4)]);
        expect(await store.templates.usage()).to.deep.equal([
          { accountId: 'alice', model: 'a', templates: 1, newest: a1!.createdAt },
          { accountId: 'alice', model: 'b', templates: 2, newest: b2!.createdAt },
          { accountId: 'bob', model: 'a', templates: 1, newest: a4!.createdAt },
        ]);
      });

      it("removes one model's templates of every account, and only those", async () => {
        await store.accounts.upsert({ id: 'bob' });
        await store.templates.add('alice', 'old', [vector(1), vector(2)]);
        await store.templates.add('alice', 'new', [vector(3)]);
        await store.templates.add('bob', 'old', [vector(4)]);
        const before = await store.templates.revision();
        expect(await store.templates.removeModel('old')).to.equal(3);
        expect(await store.templates.revision()).to.be.above(before);
        expect(await store.templates.list('old')).to.deep.equal([]);
        expect((await store.templates.listForAccount('alice')).map((t) => t.model)).to.deep.equal(['new']);
        expect(await store.templates.listForAccount('bob')).to.deep.equal([]);
        expect(await store.templates.usage()).to.deep.equal([
          { accountId: 'alice', model: 'new', templates: 1, newest: (await store.templates.list('new'))[0].createdAt },
        ]);
        const after = await store.templates.revision();
        expect(await store.templates.removeModel('old')).to.equal(0);
        expect(await store.templates.revision()).to.equal(after);
        // Removing the account later still finds no stray template of it.
        expect(await store.accounts.remove('bob')).to.equal(true);
      });

      it("removes every template of one account, of every model, keeping the account and others' templates", async () => {
        await store.accounts.upsert({ id: 'bob' });
        await store.templates.add('alice', 'a', [vector(1), vector(2)]);
        await store.templates.add('alice', 'b', [vector(3)]);
        await store.templates.add('bob', 'a', [vector(4)]);
        const before = await store.templates.revision();
        expect(await store.templates.removeForAccount('alice')).to.equal(3);
        expect(await store.templates.revision()).to.be.above(before);
        expect(await store.templates.listForAccount('alice')).to.deep.equal([]);
        expect((await store.templates.list('a')).map((t) => t.accountId)).to.deep.equal(['bob']);
        expect(await store.templates.list('b')).to.deep.equal([]);
        expect(await store.accounts.get('alice')).to.include({ id: 'alice' });
        const after = await store.templates.revision();
        expect(await store.templates.removeForAccount('alice')).to.equal(0);
        expect(await store.templates.revision()).to.equal(after);
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

      it("tells a follower of each change at once after this store's commit, and of another store's on the same backend", async () => {
        const other = await openStore(spec);
        const heard: GalleryChange[] = [];
        const stop = await store.templates.follow((change) => heard.push(change));
        try {
          await store.accounts.upsert({ id: 'alice' });
          expect(heard).to.deep.include({ account: 'alice' });
          await other.accounts.upsert({ id: 'carol' });
          await other.templates.add('carol', 'a', [vector(1)], { replace: true });
          await other.accounts.remove('carol');
          await other.templates.add('alice', 'x', [vector(2)]);
          await other.templates.removeModel('x');
          await until("the other store's changes heard", () => heard.some((c) => 'all' in c) || undefined, 5000);
          // In the order they were made; one account's changes in a row may be told once or each
          // (this store's own are told at once, then again through the backend).
          const distinct = heard.filter((c, i) => i === 0 || JSON.stringify(c) !== JSON.stringify(heard[i - 1]));
          expect(distinct).to.deep.equal([
            { account: 'alice' },
            { account: 'carol' },
            { account: 'alice' },
            { all: true },
          ]);
        } finally {
          await stop();
          await other.close();
        }
      });
    });

    describe('keys', () => {
      const key = (kid: string, createdAt = Date.now()): KeyRecord => ({
        kind: 'signing',
        kid,
        createdAt,
        jwk: { kty: 'EC', kid, alg: 'ES256' },
      });

      it('stores the first set only, and returns the one stored', async () => {
        const first = await store.keys.ensure('signing', [key('k1'), key('k2')]);
        const second = await store.keys.ensure('signing', [key('k3')]);
        expect(first.map((k) => k.kid)).to.deep.equal(['k1', 'k2']);
        expect(second).to.deep.equal(first);
        expect(await store.keys.list('cookie')).to.deep.equal([]);
      });

      it('agrees on one set when many start at once', async () => {
        const results = await Promise.all(
          ['a', 'b', 'c', 'd'].map((kid) => store.keys.ensure('cookie', [{ ...key(kid), kind: 'cookie' }])),
        );
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

    describe('invitations', () => {
      const invitation = (overrides: Partial<InvitationRecord> = {}): InvitationRecord => {
        const token = randomBytes(32).toString('base64url');
        return {
          tokenHash: createHash('sha256').update(token).digest('hex'),
          accountId: 'alice',
          profile: { name: 'Alice Liddell', email: 'alice@example.com', emailVerified: true },
          replace: false,
          createdAt: Date.now(),
          expiresAt: Date.now() + 60_000,
          ...overrides,
        };
      };

      it("removes the account's unspent invitations, and no other account's", async () => {
        const first = invitation();
        const second = invitation({ replace: true });
        const spent = invitation();
        const bobs = invitation({ accountId: 'bob' });
        for (const created of [first, second, spent, bobs]) await store.invitations.create(created);
        await store.invitations.consume(spent.tokenHash);
        expect(await store.invitations.removeForAccount('alice')).to.equal(2);
        expect(await store.invitations.find(first.tokenHash)).to.equal(undefined);
        expect(await store.invitations.consume(second.tokenHash)).to.equal(undefined);
        expect(await store.invitations.find(bobs.tokenHash)).to.deep.equal(bobs);
        expect(await store.invitations.removeForAccount('alice')).to.equal(0);
      });

      it('finds an invitation by its token hash, as created, without spending it', async () => {
        const created = invitation({ replace: true });
        await store.invitations.create(created);
        expect(await store.invitations.find(created.tokenHash)).to.deep.equal(created);
        expect(await store.invitations.find(created.tokenHash)).to.deep.equal(created);
        expect(await store.invitations.consume(created.tokenHash)).to.deep.equal(created);
      });

      it('keeps the hash it is given: found by it, by nothing else', async () => {
        const token = randomBytes(32).toString('base64url');
        const tokenHash = createHash('sha256').update(token).digest('hex');
        await store.invitations.create(invitation({ tokenHash, profile: {} }));
        expect(await store.invitations.find(token)).to.equal(undefined);
        expect(await store.invitations.find(createHash('sha256').update(tokenHash).digest('hex'))).to.equal(undefined);
        expect(await store.invitations.find(tokenHash)).to.include({ tokenHash, accountId: 'alice' });
      });

      it('spends an invitation once: later finds and consumes get nothing', async () => {
        const created = invitation();
        await store.invitations.create(created);
        expect(await store.invitations.consume(created.tokenHash)).to.deep.equal(created);
        expect(await store.invitations.consume(created.tokenHash)).to.equal(undefined);
        expect(await store.invitations.find(created.tokenHash)).to.equal(undefined);
      });

      it('gives the record to exactly one of ten concurrent consumers on two connections', async () => {
        const other = await openStore(spec);
        try {
          const created = invitation();
          await store.invitations.create(created);
          const results = await Promise.all(
            Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).invitations.consume(created.tokenHash)),
          );
          const winners = results.filter((result) => result !== undefined);
          expect(winners).to.deep.equal([created]);
        } finally {
          await other.close();
        }
      });

      it('spends only the invitation named', async () => {
        const first = invitation();
        const second = invitation({ accountId: 'bob' });
        await store.invitations.create(first);
        await store.invitations.create(second);
        await store.invitations.consume(first.tokenHash);
        expect(await store.invitations.find(second.tokenHash)).to.deep.equal(second);
      });

      it('neither finds nor spends an unknown or expired invitation', async () => {
        expect(await store.invitations.find('0'.repeat(64))).to.equal(undefined);
        expect(await store.invitations.consume('0'.repeat(64))).to.equal(undefined);
        const expired = invitation({ expiresAt: Date.now() - 1 });
        await store.invitations.create(expired);
        expect(await store.invitations.find(expired.tokenHash)).to.equal(undefined);
        expect(await store.invitations.consume(expired.tokenHash)).to.equal(undefined);
      });

      it('stops finding an invitation once it expires', async () => {
        const shortLived = invitation({ expiresAt: Date.now() + 300 });
        await store.invitations.create(shortLived);
        expect(await store.invitations.find(shortLived.tokenHash)).to.deep.equal(shortLived);
        await sleep(400);
        expect(await store.invitations.find(shortLived.tokenHash)).to.equal(undefined);
        expect(await store.invitations.consume(shortLived.tokenHash)).to.equal(undefined);
      });
    });

    describe('audit', () => {
      const event = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
        at: Date.now(),
        type: 'signin',
        result: 'accepted',
        accountId: 'alice',
        clientId: 'rp',
        ip: '203.0.113.7',
        detail: {},
        ...overrides,
      });

      it('returns the newest events first, at most `limit`', async () => {
        const now = Date.now();
        for (const [i, at] of [now - 3000, now - 1000, now - 2000, now].entries()) {
          await store.audit.append(event({ at, detail: { i } }));
        }
        expect((await store.audit.recent(10)).map((e) => e.detail.i)).to.deep.equal([3, 1, 2, 0]);
        expect((await store.audit.recent(2)).map((e) => e.detail.i)).to.deep.equal([3, 1]);
        expect(await store.audit.recent(0)).to.deep.equal([]);
      });

      it("finds one account's events, newest first, at most `limit`, of one type when asked", async () => {
        const now = Date.now();
        await store.audit.append(event({ at: now - 4000, detail: { i: 0 } }));
        await store.audit.append(event({ at: now - 3000, accountId: 'bob', detail: { i: 1 } }));
        await store.audit.append(event({ at: now - 1000, result: 'not_live', detail: { i: 2 } }));
        await store.audit.append(event({ at: now - 2000, type: 'enrollment', result: 'enrolled', detail: { i: 3 } }));
        await store.audit.append(event({ at: now, accountId: null, detail: { i: 4 } }));
        await store.audit.fold('k', 60, event({ at: now - 500, result: 'rate_limited', detail: { i: 5 } }));
        await store.audit.fold('k', 60, event({ at: now - 400, result: 'rate_limited', detail: { i: 5 } }));
        const ids = (events: AuditEvent[]) => events.map((e) => e.detail.i);
        expect(ids(await store.audit.forAccount('alice', 10))).to.deep.equal([5, 2, 3, 0]);
        expect((await store.audit.forAccount('alice', 10))[0]).to.include({ count: 2, lastAt: now - 400 });
        expect(ids(await store.audit.forAccount('alice', 2))).to.deep.equal([5, 2]);
        expect(ids(await store.audit.forAccount('alice', 10, 'signin'))).to.deep.equal([5, 2, 0]);
        expect(ids(await store.audit.forAccount('bob', 10))).to.deep.equal([1]);
        expect(await store.audit.forAccount('carol', 10)).to.deep.equal([]);
        expect(await store.audit.forAccount('alice', 0)).to.deep.equal([]);
      });

      it("finds an account's events among many of others'", async () => {
        const now = Date.now();
        await store.audit.append(event({ at: now - 10_000, accountId: 'rare', detail: { i: 'old' } }));
        for (let i = 0; i < 1200; i++) await store.audit.append(event({ at: now - 5000 + i, accountId: `a${i}` }));
        expect((await store.audit.forAccount('rare', 20)).map((e) => e.detail.i)).to.deep.equal(['old']);
      });

      it('keeps events of the same millisecond, the last appended first', async () => {
        const at = Date.now();
        for (let i = 0; i < 3; i++) await store.audit.append(event({ at }));
        await store.audit.append(event({ at, result: 'no_face' }));
        const recent = await store.audit.recent(10);
        expect(recent.map((e) => e.result)).to.deep.equal(['no_face', 'accepted', 'accepted', 'accepted']);
      });

      it('keeps every field and every kind of detail value exactly', async () => {
        const full = event({
          type: 'enrollment',
          result: 'not_recognised',
          detail: {
            distance: 0.4213,
            margin: -0.05,
            threshold: 0.6,
            attempts: 3,
            mode: 'mirror',
            uid: 'x:y',
            live: true,
            spoof: false,
            face: null,
          },
        });
        const anonymous = event({ at: full.at + 1, accountId: null, clientId: null, ip: null, detail: {} });
        await store.audit.append(full);
        await store.audit.append(anonymous);
        expect(await store.audit.recent(2)).to.deep.equal([anonymous, full]);
      });

      it('loses no event when many are appended at once', async () => {
        const at = Date.now();
        await Promise.all(Array.from({ length: 50 }, (_, i) => store.audit.append(event({ at, detail: { i } }))));
        const recent = await store.audit.recent(100);
        expect(recent.map((e) => e.detail.i).sort((a, b) => Number(a) - Number(b))).to.deep.equal(
          Array.from({ length: 50 }, (_, i) => i),
        );
      });

      it('folds the occurrences of one key and window into one event with a count and the last time', async () => {
        const window = 60;
        const start = Math.floor(Date.now() / 60_000) * 60_000 - 120_000;
        const limited = (at: number, ip: string) => event({ at, result: 'rate_limited', ip, detail: { scope: 'ip' } });
        await store.audit.fold('ip:203.0.113.7', window, limited(start + 1000, '203.0.113.7'));
        await store.audit.fold('ip:198.51.100.1', window, limited(start + 1500, '198.51.100.1'));
        await store.audit.fold('ip:203.0.113.7', window, limited(start + 2000, '203.0.113.7'));
        await store.audit.fold('ip:203.0.113.7', window, limited(start + 3000, '203.0.113.7'));
        // The next window: a new event.
        await store.audit.fold('ip:203.0.113.7', window, limited(start + 61_000, '203.0.113.7'));
        await store.audit.append(event({ at: start + 62_000 }));
        const recent = await store.audit.recent(10);
        expect(recent.map((e) => [e.result, e.ip, e.count, e.lastAt])).to.deep.equal([
          ['accepted', '203.0.113.7', undefined, undefined],
          ['rate_limited', '203.0.113.7', 1, start + 61_000],
          ['rate_limited', '198.51.100.1', 1, start + 1500],
          ['rate_limited', '203.0.113.7', 3, start + 3000],
        ]);
        expect(recent[3]).to.deep.include({ at: start + 1000, detail: { scope: 'ip' } });
      });

      it('counts every one of many folds at once', async () => {
        const at = Date.now();
        await Promise.all(
          Array.from({ length: 30 }, () => store.audit.fold('ip:a', 900, event({ at, result: 'rate_limited' }))),
        );
        expect((await store.audit.recent(10)).map((e) => e.count)).to.deep.equal([30]);
      });

      it('drops events older than 90 days', async () => {
        const now = Date.now();
        await store.audit.append(event({ at: now - 91 * day, result: 'ancient' }));
        await store.audit.append(event({ at: now - 89 * day, result: 'old' }));
        await store.audit.append(event({ at: now, result: 'new' }));
        expect((await store.audit.recent(10)).map((e) => e.result)).to.deep.equal(['new', 'old']);
      });
    });

    describe('attempts', () => {
      const t0 = 1_700_000_000_000;
      /** Calls record or count under one key and window at each time (ms after t0), in order, checking each answer. */
      const expectAnswers = async (
        key: string,
        windowSeconds: number,
        steps: Array<['record' | 'count', number, number]>,
      ) => {
        for (const [method, after, expected] of steps) {
          expect(await store.attempts[method](key, windowSeconds, t0 + after), `${method} at t0 + ${after}`).to.equal(
            expected,
          );
        }
      };

      it('counts the attempts within the window, this one included; count records nothing', async () => {
        await expectAnswers('ip:a', 60, [
          ['count', 0, 0],
          ['record', 0, 1],
          ['record', 1000, 2],
          ['count', 2000, 2],
          ['count', 2000, 2],
          ['record', 2000, 3],
        ]);
      });

      it('stops counting an attempt exactly one window after it', async () => {
        await expectAnswers('account:alice', 10, [
          ['record', 0, 1],
          ['record', 4000, 2],
          ['count', 9999, 2],
          ['count', 10_000, 1],
          ['record', 12_000, 2],
          ['count', 30_000, 0],
          ['record', 30_000, 1],
        ]);
      });

      it('counts two attempts of the same millisecond as two', async () => {
        await store.attempts.record('interaction:i1', 60, t0);
        expect(await store.attempts.record('interaction:i1', 60, t0)).to.equal(2);
        expect(await store.attempts.count('interaction:i1', 60, t0)).to.equal(2);
      });

      it('gives each of many concurrent attempts its own count', async () => {
        const counts = await Promise.all(Array.from({ length: 20 }, () => store.attempts.record('ip:b', 60, t0)));
        expect([...counts].sort((a, b) => a - b)).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
      });

      it('says when the oldest attempt in the window leaves it', async () => {
        expect(await store.attempts.oldestExpiry('ip:c', 10, t0)).to.equal(undefined);
        await store.attempts.record('ip:c', 10, t0);
        await store.attempts.record('ip:c', 10, t0 + 3000);
        expect(await store.attempts.oldestExpiry('ip:c', 10, t0 + 5000)).to.equal(t0 + 10_000);
        expect(await store.attempts.oldestExpiry('ip:c', 10, t0 + 10_000)).to.equal(t0 + 13_000);
        expect(await store.attempts.oldestExpiry('ip:c', 10, t0 + 13_000)).to.equal(undefined);
      });

      it('says when the newest attempt in the window was made', async () => {
        expect(await store.attempts.newest('ip:n', 10, t0)).to.equal(undefined);
        await store.attempts.record('ip:n', 10, t0);
        await store.attempts.record('ip:n', 10, t0 + 3000);
        expect(await store.attempts.newest('ip:n', 10, t0 + 5000)).to.equal(t0 + 3000);
        expect(await store.attempts.newest('ip:n', 10, t0 + 13_000)).to.equal(undefined);
      });

      it("clears one key's attempts, and no other key's", async () => {
        await store.attempts.record('account:a@net', 60, t0);
        await store.attempts.record('account:a@net', 60, t0 + 1);
        await store.attempts.record('account:a@other', 60, t0);
        await store.attempts.clear('account:a@net');
        expect(await store.attempts.count('account:a@net', 60, t0 + 2)).to.equal(0);
        expect(await store.attempts.newest('account:a@net', 60, t0 + 2)).to.equal(undefined);
        expect(await store.attempts.count('account:a@other', 60, t0 + 2)).to.equal(1);
        expect(await store.attempts.record('account:a@net', 60, t0 + 3)).to.equal(1);
        await store.attempts.clear('account:nobody');
      });

      it('keeps keys apart', async () => {
        await store.attempts.record('ip:d', 60, t0);
        await store.attempts.record('ip:d', 60, t0);
        expect(await store.attempts.record('ip:e', 60, t0)).to.equal(1);
        expect(await store.attempts.count('ip:d', 60, t0)).to.equal(2);
        expect(await store.attempts.oldestExpiry('ip:f', 60, t0)).to.equal(undefined);
      });

      it('uses the current time when none is given, and forgets what leaves the window', async () => {
        const before = Date.now();
        expect(await store.attempts.record('ip:g', 1)).to.equal(1);
        const after = Date.now();
        expect(await store.attempts.count('ip:g', 1)).to.equal(1);
        expect(await store.attempts.oldestExpiry('ip:g', 1)).to.be.within(before + 1000, after + 1000);
        await sleep(1100);
        expect(await store.attempts.count('ip:g', 1)).to.equal(0);
        expect(await store.attempts.oldestExpiry('ip:g', 1)).to.equal(undefined);
        expect(await store.attempts.record('ip:g', 1)).to.equal(1);
      });
    });

    it('rejects every invitation, audit and attempt call with StoreUnavailableError once closed', async () => {
      await store.close();
      const calls: Array<() => Promise<unknown>> = [
        () =>
          store.invitations.create({
            tokenHash: 'h',
            accountId: 'a',
            profile: {},
            replace: false,
            createdAt: 0,
            expiresAt: Date.now() + 60_000,
          }),
        () => store.invitations.find('h'),
        () => store.invitations.consume('h'),
        () =>
          store.audit.append({
            at: Date.now(),
            type: 'signin',
            result: 'accepted',
            accountId: null,
            clientId: null,
            ip: null,
            detail: {},
          }),
        () =>
          store.audit.fold('k', 60, {
            at: Date.now(),
            type: 'signin',
            result: 'rate_limited',
            accountId: null,
            clientId: null,
            ip: null,
            detail: {},
          }),
        () => store.audit.recent(10),
        () => store.audit.forAccount('a', 10),
        () => store.invitations.removeForAccount('a'),
        () => store.templates.removeForAccount('a'),
        () => store.accountTokens.revokeAll('a'),
        () => store.attempts.record('k', 60),
        () => store.attempts.count('k', 60),
        () => store.attempts.oldestExpiry('k', 60),
        () => store.attempts.newest('k', 60),
        () => store.attempts.clear('k'),
      ];
      for (const call of calls) {
        const error = await call().catch((e: unknown) => e);
        expect(error).to.be.instanceOf(StoreUnavailableError).and.include({ code: 'store_unavailable' });
      }
    });

    it('answers ping while open, and StoreUnavailableError once closed', async () => {
      await store.ping();
      await store.close();
      const error = await store.ping().catch((e: unknown) => e);
      expect(error).to.include({ code: 'store_unavailable' });
    });
  });
}
