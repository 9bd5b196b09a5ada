import { expect } from 'chai';
import { join } from 'node:path';
import { ConfigError } from '../src/config/errors.js';
import { validateConfig } from '../src/config/load.js';
import { sample } from './support/prometheus-text.js';
import { createInvitation } from '../src/access/invitations.js';
import { Browser } from './support/browser.js';
import { startTestFacegate, type TestFacegate } from './support/facegate.js';
import { emptyFrame, portrait, variants, webcamFrame } from './helpers/face-fixtures.js';
import { temporaryFolder } from './helpers/stores.js';
import { CONSENT } from './helpers/face-uploads.js';
import { startAuthorization } from './support/test-rp.js';

async function scrape(facegate: TestFacegate, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`http://127.0.0.1:${facegate.port}/metrics`, { headers });
}

const sqlite = () => ({ type: 'sqlite' as const, file: join(temporaryFolder(), 'metrics.sqlite') });

describe('/metrics', function () {
  this.timeout(120_000);
  let facegate: TestFacegate;
  before(async () => {
    facegate = await startTestFacegate(sqlite());
  });
  after(async () => {
    await facegate?.close();
  });

  it('serves Prometheus text to loopback: the process, the face queue, the attempt counters', async () => {
    const response = await scrape(facegate);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('text/plain; version=0.0.4; charset=utf-8');
    expect(response.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
    const text = await response.text();
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'facegate_face_queue_depth',
      'facegate_face_workers_busy',
      'facegate_inference_seconds',
      'facegate_signin_attempts_total',
      'facegate_store_errors_total',
    ]) {
      expect(text).to.include(`# TYPE ${name} `);
    }
    expect(sample(text, 'facegate_face_workers')).to.equal(1);
    expect(sample(text, 'facegate_face_queue_capacity')).to.equal(facegate.config.face.queueLength);
  });

  it('counts enrolments, sign-in attempts by result and inference time per image', async () => {
    const issuer = new URL(facegate.issuer);
    const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
      accountId: 'alice',
      ttlSeconds: 600,
    });
    const form = new FormData();
    for (const height of [360, 330, 380])
      form.append(
        'frame',
        new Blob([new Uint8Array(await webcamFrame(await portrait(0), height))], { type: 'image/jpeg' }),
      );
    form.append('consent', CONSENT.consent);
    expect((await new Browser(issuer.origin).json(link, { method: 'POST', body: form })).body).to.include({
      status: 'enrolled',
    });

    const attempt = async (frame: Buffer) => {
      const rp = await startAuthorization(issuer);
      const browser = new Browser(issuer.origin);
      const { url: page } = await browser.navigate(rp.url);
      return browser.json(`${page.pathname}/face`, {
        method: 'POST',
        body: new Uint8Array(frame),
        contentType: 'image/jpeg',
      });
    };
    expect((await attempt(await webcamFrame(await variants.flipped(await portrait(0))))).body).to.include({
      status: 'accepted',
    });
    expect((await attempt(await emptyFrame())).body).to.include({ error: 'no_face' });

    const text = await (await scrape(facegate)).text();
    expect(sample(text, 'facegate_enrollments_total{result="enrolled"}')).to.equal(1);
    expect(sample(text, 'facegate_signin_attempts_total{result="accepted"}')).to.equal(1);
    expect(sample(text, 'facegate_signin_attempts_total{result="no_face"}')).to.equal(1);
    // Three enrolment frames and two sign-in frames, each one image analysed.
    expect(sample(text, 'facegate_inference_seconds_count{operation="analyze"}')).to.equal(5);
    expect(sample(text, 'facegate_inference_seconds_sum{operation="analyze"}')).to.be.greaterThan(0);
    expect(sample(text, 'facegate_face_queue_depth')).to.equal(0);
  });

  it("keeps each server's counts to itself (a registry per server)", async () => {
    const other = await startTestFacegate(sqlite());
    try {
      const text = await (await scrape(other)).text();
      expect(sample(text, 'facegate_signin_attempts_total{result="accepted"}')).to.equal(0);
      expect(text).to.include('# TYPE process_cpu_seconds_total counter');
    } finally {
      await other.close();
    }
  });

  it('refuses a request relayed by a proxy, even from loopback', async () => {
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      const response = await scrape(facegate, { [header]: '127.0.0.1' });
      expect(response.status, header).to.equal(403);
      expect(await response.text()).to.include('metrics.allowFrom');
    }
  });

  it('counts a store outage met by oidc-provider and by the sign-in pages', async () => {
    const broken = await startTestFacegate(sqlite());
    try {
      const browser = new Browser(new URL(broken.issuer).origin);
      const { url: page } = await browser.navigate((await startAuthorization(new URL(broken.issuer))).url);
      await broken.store.close();
      const token = await fetch(`http://localhost:${broken.port}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'r', client_id: 'spa' }),
      });
      expect(token.status).to.equal(503);
      expect((await browser.request(page)).status).to.equal(503);
      const text = await (await scrape(broken)).text();
      expect(sample(text, 'facegate_store_errors_total{source="oidc"}')).to.equal(1);
      expect(sample(text, 'facegate_store_errors_total{source="pages"}')).to.equal(1);
    } finally {
      await broken.close().catch(() => {});
    }
  });
});

describe('/metrics access settings', function () {
  this.timeout(60_000);

  it('refuses an address not in metrics.allowFrom', async () => {
    const facegate = await startTestFacegate(sqlite(), undefined, {
      metrics: { allowFrom: ['10.9.8.0/24', 'fd00::1'] },
    });
    try {
      const response = await scrape(facegate);
      expect(response.status).to.equal(403);
      expect(await response.text()).not.to.include('facegate_');
    } finally {
      await facegate.close();
    }
  });

  it('is not there at all when turned off', async () => {
    const facegate = await startTestFacegate(sqlite(), undefined, { metrics: { enabled: false } });
    try {
      expect((await scrape(facegate)).status).to.equal(404);
    } finally {
      await facegate.close();
    }
  });

  it('defaults to loopback only, and refuses entries that are not addresses or ranges', () => {
    expect(validateConfig({}, 'f.json').metrics).to.deep.equal({ enabled: true, allowFrom: ['127.0.0.1', '::1'] });
    expect(
      validateConfig({ metrics: { allowFrom: ['10.0.0.0/8', '2001:db8::/32'] } }, 'f.json').metrics.allowFrom,
    ).to.have.length(2);
    for (const [entry, problem] of [
      ['localhost', 'not an IP address'],
      ['10.0.0.0/33', 'bad prefix'],
      ['10.0.0.0/8/1', 'not an IP address'],
    ]) {
      const error = (() => {
        try {
          validateConfig({ metrics: { allowFrom: ['::1', entry] } }, 'f.json');
        } catch (e) {
          return e;
        }
      })() as ConfigError;
      expect(error, entry).to.be.instanceOf(ConfigError);
      expect(error.message).to.include('/metrics/allowFrom/1').and.include(problem);
    }
    expect(() => validateConfig({ metrics: { token: 'x' } }, 'f.json')).to.throw(ConfigError, /metrics/);
  });
});
