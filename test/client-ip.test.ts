import { expect } from 'chai';
import { join } from 'node:path';
import { clientNetwork } from '../src/access/client-network.js';
import { emptyFrame } from './helpers/face-fixtures.js';
import { startTestFacegate, type TestFacegate } from './support/facegate.js';
import { openFacePage, postFace } from './helpers/face-page.js';
import { temporaryFolder } from './helpers/stores.js';

/**
 * Issue 11, finding 1: behind a proxy the client writes the left of X-Forwarded-For, the proxy
 * appends what it saw. The per-IP window must count the address the trusted proxies saw, taken
 * from the right, and group an IPv6 client's /64.
 */
describe('client addresses behind a proxy (per-IP window)', function () {
  this.timeout(120_000);

  async function start(proxy: boolean | number): Promise<TestFacegate> {
    return startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'client-ip.sqlite') }, undefined, {
      proxy,
      face: { workers: 1, liveness: 'off', attempts: { perInteraction: 5, perIp: { max: 2, windowSeconds: 900 } } },
    });
  }

  /** One refused attempt (a frame with no face) from a browser whose requests carry this X-Forwarded-For. */
  async function refusedAttempt(facegate: TestFacegate, forwardedFor: string) {
    const signIn = await openFacePage(new URL(facegate.issuer), { headers: { 'x-forwarded-for': forwardedFor } });
    return postFace(signIn, await emptyFrame());
  }

  describe('one trusted hop (proxy: true)', () => {
    let facegate: TestFacegate;
    before(async () => {
      facegate = await start(true);
    });
    after(async () => {
      await facegate?.close();
    });

    it('a forged first address does not make a new client: the third refusal in the window is 429', async () => {
      const statuses = [];
      for (let i = 1; i <= 5; i++) {
        // The client wrote 203.0.113.i; the proxy appended the address it saw.
        statuses.push((await refusedAttempt(facegate, `203.0.113.${i}, 198.51.100.7`)).status);
      }
      expect(statuses).to.deep.equal([422, 422, 429, 429, 429]);
      const ips = new Set((await facegate.store.audit.recent(50)).map((event) => event.ip));
      expect([...ips]).to.deep.equal(['198.51.100.7']);
    });

    it('IPv6 clients are counted by their /64: rotating the address within it does not help', async () => {
      const statuses = [];
      for (const host of ['a', 'b', 'c'])
        statuses.push((await refusedAttempt(facegate, `2001:db8:1:2::${host}`)).status);
      expect(statuses).to.deep.equal([422, 422, 429]);
      // Another /64 is another client.
      expect((await refusedAttempt(facegate, '2001:db8:1:3::a')).status).to.equal(422);
    });
  });

  describe('two trusted hops (a CDN, then the proxy)', () => {
    let facegate: TestFacegate;
    before(async () => {
      facegate = await start(2);
    });
    after(async () => {
      await facegate?.close();
    });

    it('takes the address the first trusted hop saw, whatever the client wrote before it', async () => {
      const statuses = [];
      for (let i = 1; i <= 3; i++)
        statuses.push((await refusedAttempt(facegate, `203.0.113.${i}, 198.51.100.8, 192.0.2.1`)).status);
      expect(statuses).to.deep.equal([422, 422, 429]);
      expect((await facegate.store.audit.recent(1))[0].ip).to.equal('198.51.100.8');
      expect(facegate.provider.maxIpsCount).to.equal(2);
    });
  });
});

describe('clientNetwork: what the per-IP window counts as one client', () => {
  it('an IPv4 address is itself, also written IPv4-mapped', () => {
    expect(clientNetwork('198.51.100.7')).to.equal('198.51.100.7');
    expect(clientNetwork('::ffff:198.51.100.7')).to.equal('198.51.100.7');
  });

  it('an IPv6 address is its /64, however it is written', () => {
    expect(clientNetwork('2001:db8:1:2::a')).to.equal('2001:db8:1:2::/64');
    expect(clientNetwork('2001:0db8:0001:0002:ffff:0:0:1')).to.equal('2001:db8:1:2::/64');
    expect(clientNetwork('fe80::1%eth0')).to.equal('fe80::/64');
    expect(clientNetwork('::1')).to.equal('::/64');
    expect(clientNetwork('64:ff9b::192.0.2.33')).to.equal('64:ff9b::/64');
  });

  it('another prefix length when asked', () => {
    expect(clientNetwork('2001:db8:1:2::a', 48)).to.equal('2001:db8:1::/48');
    expect(clientNetwork('2001:db8:1:2::a', 128)).to.equal('2001:db8:1:2::a/128');
  });
});
