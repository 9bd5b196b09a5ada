/**
 * The gallery follows the store's changes instead of reloading: two facegates on one store (two
 * instances of one deployment, here in one process), an account enrolled, re-enrolled and removed
 * on A is matched, matched anew and forgotten on B within a second, on every backend. After B's
 * connection for changes is cut (changes sent meanwhile are lost), B reads everything again.
 */
import { expect } from 'chai';
import pg from 'pg';
import { Redis } from 'ioredis';
import type { StoreSpec } from '../adapters/contract.js';
import { examineEnrollment, saveEnrollment } from '../src/access/enrollment.js';
import { portrait, variants, webcamFrame } from './helpers/face-fixtures.js';
import { backends, specOrSkip } from './helpers/stores.js';
import { until } from './helpers/until.js';
import { enrollPhotos, startTestFacegate, type TestFacegate } from './support/facegate.js';

/** What B's recognizer says of a webcam frame of face `face`: the account accepted, or undefined. */
async function matchedOn(facegate: TestFacegate, face: number): Promise<string | undefined> {
  const frame = await webcamFrame(await variants.flipped(await portrait(face)));
  const recognition = await facegate.face.recognizer.recognize([frame]);
  return 'decision' in recognition && recognition.decision.kind === 'accepted'
    ? recognition.decision.accountId
    : undefined;
}

const photos = async (face: number) => [await webcamFrame(await portrait(face))];

/** Cuts the connection B follows changes on, as a network fault or a server restart would. */
async function cutFollowerConnections(spec: StoreSpec): Promise<void> {
  if (spec.type === 'postgres') {
    const admin = new pg.Client({ connectionString: spec.url });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1`,
        [`LISTEN "facegate_${spec.schema}"`],
      );
      expect(rowCount).to.be.above(0);
    } finally {
      await admin.end();
    }
  } else if (spec.type === 'redis') {
    const admin = new Redis(spec.url);
    try {
      await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    } finally {
      admin.disconnect();
    }
  }
}

for (const backend of backends) {
  describe(`the gallery follows changes: two instances on one ${backend.name} store`, function () {
    this.timeout(120_000);
    let spec: StoreSpec;
    const running: TestFacegate[] = [];

    beforeEach(async function () {
      spec = await specOrSkip(this, backend);
    });
    afterEach(async () => {
      for (const facegate of running.splice(0)) await facegate.close();
    });

    it('matches on B, within a second, an account enrolled, re-enrolled or removed on A', async () => {
      const a = await startTestFacegate(spec);
      running.push(a);
      const b = await startTestFacegate(spec);
      running.push(b);
      const gallery = b.face.recognizer.gallery;

      await enrollPhotos(a, 'alice', 'Alice', await photos(0));
      await until('B knows Alice', () => gallery.modelOf('alice'), 1000);
      expect(await matchedOn(b, 0)).to.equal('alice');

      // Re-enrolled with another face: B matches the new one, not the old.
      await enrollPhotos(a, 'alice', 'Alice', await photos(1));
      await until('B has the new face', async () => (await matchedOn(b, 1)) === 'alice', 1000);
      expect(await matchedOn(b, 0)).to.equal(undefined);

      await a.store.accounts.remove('alice');
      await until('B forgot Alice', () => gallery.modelOf('alice') === undefined, 1000);
      expect(gallery.accountCount).to.equal(0);
    });

    if (backend.name !== 'sqlite') {
      it('reads everything again once its connection for changes is back, so a change sent meanwhile is not missed', async () => {
        const a = await startTestFacegate(spec);
        running.push(a);
        const b = await startTestFacegate(spec);
        running.push(b);
        await a.store.accounts.upsert({ id: 'carol', name: 'Carol' });
        const embeddings = await examineEnrollment(a.face, await photos(2), { accountId: 'carol', replace: true });
        // Saved at once after the cut, before B is connected again (its first retry waits 200 ms).
        await cutFollowerConnections(spec);
        await saveEnrollment(a.store, a.face.model, 'carol', embeddings, { replace: true });
        await until('B knows Carol', () => b.face.recognizer.gallery.modelOf('carol'), 5000);
        expect(await matchedOn(b, 2)).to.equal('carol');
      });
    }
  });
}
