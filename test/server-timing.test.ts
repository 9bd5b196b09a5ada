import { expect } from 'chai';
import { join } from 'node:path';
import { TimeSpent } from '../src/server/time-spent.js';
import { Browser } from './support/browser.js';
import { startTestFacegate, type TestFacegate } from './support/facegate.js';
import { emptyFrame } from './helpers/face-fixtures.js';
import { temporaryFolder } from './helpers/stores.js';
import { startAuthorization } from './support/test-rp.js';

/** name -> milliseconds, from a Server-Timing header. */
function timingOf(header: string | null): Record<string, number> {
  return Object.fromEntries(
    (header ?? '').split(', ').map((entry) => {
      const [name, dur] = entry.split(';dur=');
      return [name!, Number(dur)];
    }),
  );
}

describe('Server-Timing: where a request spent its time', function () {
  this.timeout(60_000);

  it('merges spans that overlap: frames on two workers at once count once, waiting with none analysed is queue', () => {
    const spent = new TimeSpent();
    // Two frames asked for at 0; one analysed 2..8, the other waits for a worker, analysed 12..18.
    spent.add('engine', 0, 8);
    spent.add('inference', 2, 8);
    spent.add('engine', 0, 18);
    spent.add('inference', 12, 18);
    // Two store calls awaited together, and one after.
    spent.add('store', 20, 25);
    spent.add('store', 21, 24);
    spent.add('store', 30, 31);
    const timing = timingOf(spent.serverTiming());
    expect(timing).to.include({ queue: 6, inference: 12, store: 6 });
    expect(timing.total).to.be.at.least(0);
  });

  describe('on the running server', () => {
    let facegate: TestFacegate;
    before(async () => {
      facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'timing.sqlite') });
    });
    after(async () => {
      await facegate?.close();
    });

    it("every response says it, the provider's own endpoints too: discovery touches neither store nor face engine", async () => {
      const response = await fetch(`${facegate.issuer}/.well-known/openid-configuration`);
      await response.arrayBuffer();
      const timing = timingOf(response.headers.get('server-timing'));
      expect(timing).to.include({ queue: 0, inference: 0, store: 0 });
      expect(timing.total).to.be.at.least(0);
    });

    it('a sign-in page reads the store; a snapshot runs the face engine; no part is longer than the whole', async () => {
      const issuer = new URL(facegate.issuer);
      const rp = await startAuthorization(issuer);
      const browser = new Browser(issuer.origin);
      const authorize = await fetch(rp.url, { redirect: 'manual' });
      await authorize.arrayBuffer();
      expect(timingOf(authorize.headers.get('server-timing')).store).to.be.greaterThan(0);

      const { url: page } = await browser.navigate(rp.url);
      const answer = await browser.json(`${page.pathname}/face`, {
        method: 'POST',
        body: new Uint8Array(await emptyFrame()),
        contentType: 'image/jpeg',
      });
      expect(answer.body).to.include({ error: 'no_face' });
      const timing = timingOf(answer.headers.get('server-timing'));
      expect(timing.inference).to.be.greaterThan(0);
      expect(timing.store).to.be.greaterThan(0);
      for (const [part, ms] of Object.entries(timing)) expect(ms, part).to.be.at.most(timing.total!);
    });
  });
});
