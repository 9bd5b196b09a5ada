import { expect } from 'chai';
import { join } from 'node:path';
import { sample } from './support/prometheus-text.js';
import { busyRetryAfterSeconds } from '../src/face/busy-retry.js';
import { Browser } from './support/browser.js';
import { enrollPhotos, startTestFacegate, type TestFacegate } from './support/facegate.js';
import { portrait, variants, webcamFrame } from './helpers/face-fixtures.js';
import { temporaryFolder } from './helpers/stores.js';
import { startAuthorization } from './support/test-rp.js';

describe('a full face queue (one worker, no queue)', function () {
  this.timeout(120_000);
  let facegate: TestFacegate;

  before(async () => {
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'busy.sqlite') }, undefined, {
      face: { workers: 1, queueLength: 0, liveness: 'off' },
    });
    await enrollPhotos(facegate, 'alice', 'Alice', [await portrait(0)]);
  });
  after(async () => {
    await facegate?.close();
  });

  it('refuses at once with 503 and a Retry-After of 1 to 3 s, counts it busy, and takes each refused user on a retry', async () => {
    const issuer = new URL(facegate.issuer);
    const frame = new Uint8Array(await webcamFrame(await variants.flipped(await portrait(0))));
    const users = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const browser = new Browser(issuer.origin);
        const { url } = await browser.navigate((await startAuthorization(issuer)).url);
        return {
          post: () => browser.json(`${url.pathname}/face`, { method: 'POST', body: frame, contentType: 'image/jpeg' }),
        };
      }),
    );
    const first = await Promise.all(users.map((u) => u.post()));
    const busy = first.filter((a) => a.status === 503);
    expect(busy.length, 'six at once, one worker, no queue').to.be.greaterThan(0);
    expect(first.every((a) => a.status === 200 || a.status === 503)).to.equal(true);
    for (const answer of busy) {
      expect(answer.body).to.include({ error: 'busy' });
      expect(Number(answer.headers.get('retry-after')))
        .to.be.within(1, 3)
        .and.equal(answer.body.retryAfter);
    }
    let waiting = users.filter((_, i) => first[i].status === 503);
    let busyAnswers = busy.length;
    for (let round = 0; waiting.length > 0 && round < 10; round++) {
      const again = await Promise.all(waiting.map((u) => u.post()));
      waiting = waiting.filter((_, i) => again[i].status === 503);
      busyAnswers += waiting.length;
    }
    expect(waiting).to.have.length(0);
    const metrics = await (await fetch(`http://127.0.0.1:${facegate.port}/metrics`)).text();
    expect(sample(metrics, 'facegate_signin_attempts_total{result="busy"}')).to.equal(busyAnswers);
    expect(sample(metrics, 'facegate_signin_attempts_total{result="accepted"}')).to.equal(6);
  });

  it('spreads Retry-After over 1, 2 and 3 seconds', () => {
    expect([0, 0.34, 0.67, 0.999].map((x) => busyRetryAfterSeconds(() => x))).to.deep.equal([1, 2, 3, 3]);
  });
});
