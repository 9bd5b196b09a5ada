import { expect } from 'chai';
import { join } from 'node:path';
import type { Store, StoreSpec } from '../adapters/contract.js';
import { openStore } from '../adapters/open.js';
import { deleteInactiveTemplates } from '../src/access/retention.js';
import { portrait } from './helpers/face-fixtures.js';
import { backends, specOrSkip, temporaryFolder } from './helpers/stores.js';
import { until } from './helpers/until.js';
import { enrollPhotos, startTestFacegate } from './support/facegate.js';

const DAY = 24 * 60 * 60 * 1000;
const vector = (...values: number[]) => Float32Array.from(values);

/**
 * Issue 15, item 2: face.retention.inactiveDays deletes the templates of an account that has not
 * signed in for that long, with an audit event per account, and keeps those of an active one. The
 * clock is the `now` given: the templates are made now, and the sweep is run as if days had passed.
 */
for (const backend of backends) {
  describe(`retention of face templates: ${backend.name}`, () => {
    let spec: StoreSpec;
    let store: Store;
    let enrolledAt: number;

    beforeEach(async function () {
      spec = await specOrSkip(this, backend);
      store = await openStore(spec);
      for (const id of ['active', 'inactive', 'never', 'empty']) await store.accounts.upsert({ id });
      await store.templates.add('active', 'a', [vector(1), vector(2)]);
      await store.templates.add('active', 'b', [vector(3)]);
      await store.templates.add('inactive', 'a', [vector(4)]);
      const [template] = await store.templates.add('never', 'a', [vector(5)]);
      enrolledAt = template!.createdAt;
      await store.consents.record({ accountId: 'inactive', version: '1', at: enrolledAt, method: 'enrolment_page' });
    });
    afterEach(async () => {
      await store?.close();
    });

    it("deletes an inactive account's templates and keeps an active one's, with one audit event per account", async () => {
      // 'inactive' signed in once, just after enrolling; 'active' 29 days later.
      await store.accounts.signedIn('inactive', enrolledAt + 1_000);
      await store.accounts.signedIn('active', enrolledAt + 29 * DAY);
      const now = enrolledAt + 31 * DAY;
      const removed = await deleteInactiveTemplates(store, 30, now);
      expect(removed.map((r) => r.accountId)).to.deep.equal(['inactive', 'never']);
      expect(removed[0]).to.deep.equal({ accountId: 'inactive', templates: 1, lastActiveAt: enrolledAt + 1_000 });
      expect(await store.templates.listForAccount('inactive')).to.deep.equal([]);
      expect(await store.templates.listForAccount('active')).to.have.length(3);
      // The account and its consent stay: it can be enrolled again, and what it agreed to is kept.
      expect(await store.accounts.get('inactive')).to.include({ id: 'inactive', lastSignInAt: enrolledAt + 1_000 });
      expect(await store.consents.list('inactive')).to.have.length(1);
      const events = (await store.audit.recent(10)).filter((e) => e.type === 'retention');
      expect(events.map((e) => [e.accountId, e.result, e.at])).to.deep.equal([
        ['never', 'templates_removed', now],
        ['inactive', 'templates_removed', now],
      ]);
      expect(events[1]!.detail).to.deep.equal({ inactiveDays: 30, lastActiveAt: enrolledAt + 1_000, templates: 1 });
      // Nothing left to delete: a second sweep removes and audits nothing more.
      expect(await deleteInactiveTemplates(store, 30, now)).to.deep.equal([]);
      expect((await store.audit.recent(10)).filter((e) => e.type === 'retention')).to.have.length(2);
    });

    it('counts an account enrolled but never signed in from its newest enrolment', async () => {
      const early = await deleteInactiveTemplates(store, 30, enrolledAt + 30 * DAY - 1);
      expect(early.map((r) => r.accountId)).to.not.include('never');
      expect(await store.templates.listForAccount('never')).to.have.length(1);
      await store.templates.add('never', 'a', [vector(6)]);
      const [newest] = (await store.templates.listForAccount('never')).slice(-1);
      const removed = await deleteInactiveTemplates(store, 30, newest!.createdAt + 30 * DAY);
      expect(removed.map((r) => r.accountId)).to.include('never');
      expect(removed.find((r) => r.accountId === 'never')).to.deep.equal({
        accountId: 'never',
        templates: 2,
        lastActiveAt: newest!.createdAt,
      });
    });

    it('keeps everything while every account signed in within the period, and skips accounts without templates', async () => {
      const now = enrolledAt + 100 * DAY;
      for (const id of ['active', 'inactive', 'never', 'empty']) await store.accounts.signedIn(id, now - 10 * DAY);
      expect(await deleteInactiveTemplates(store, 30, now)).to.deep.equal([]);
      expect((await store.templates.usage()).map((u) => u.accountId)).to.deep.equal([
        'active',
        'active',
        'inactive',
        'never',
      ]);
    });
  });
}

describe('retention in the server (face.retention.inactiveDays)', function () {
  this.timeout(120_000);

  it('looks at start: a server whose clock is 31 days on deletes the templates of an account enrolled and never used', async () => {
    const storage = { type: 'sqlite' as const, file: join(temporaryFolder(), 'retention.sqlite') };
    const settings = { face: { workers: 1, liveness: 'off', retention: { inactiveDays: 30 } } };
    const first = await startTestFacegate(storage, undefined, settings);
    try {
      await enrollPhotos(first, 'alice', 'Alice', [await portrait(0)]);
      expect(await first.store.templates.listForAccount('alice')).to.have.length(1);
    } finally {
      await first.close();
    }
    const later = await startTestFacegate(storage, undefined, settings, { clock: () => Date.now() + 31 * DAY });
    try {
      await until(
        'the templates deleted',
        async () => (await later.store.templates.listForAccount('alice')).length === 0,
      );
      const [event] = (await later.store.audit.recent(5)).filter((e) => e.type === 'retention');
      expect(event).to.deep.include({ accountId: 'alice', result: 'templates_removed' });
      expect(await later.store.accounts.get('alice')).to.include({ name: 'Alice' });
    } finally {
      await later.close();
    }
  });
});
