import { expect } from 'chai';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Browser } from './support/browser.js';
import { startTestFacegate, type TestFacegate } from './support/facegate.js';
import { temporaryFolder } from './helpers/stores.js';
import { startAuthorization } from './support/test-rp.js';

describe('server', () => {
  let facegate: TestFacegate;
  const origin = () => `http://localhost:${facegate.port}`;
  beforeEach(async () => {
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'server.sqlite') });
  });
  afterEach(async () => {
    await facegate.close().catch(() => {});
  });

  it('/healthz reports each check, 200 when the store answers', async () => {
    const response = await fetch(`${origin()}/healthz`);
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({ ok: true, checks: { store: { ok: true }, models: { ok: true } } });
    expect(response.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
  });

  it('/livez says the process answers, /readyz that the store and models are ready: a store outage fails only /readyz', async () => {
    expect((await fetch(`${origin()}/livez`)).status).to.equal(200);
    const ready = await fetch(`${origin()}/readyz`);
    expect(ready.status).to.equal(200);
    expect(await ready.json()).to.deep.equal({ ok: true, checks: { store: { ok: true }, models: { ok: true } } });
    await facegate.store.close();
    const live = await fetch(`${origin()}/livez`);
    expect(live.status).to.equal(200);
    expect(await live.json()).to.deep.equal({ ok: true });
    expect((await fetch(`${origin()}/readyz`)).status).to.equal(503);
    expect((await fetch(`${origin()}/healthz`)).status).to.equal(503);
  });

  it('a store outage is 503 on /healthz and on the token endpoint', async () => {
    await facegate.store.close();
    const health = await fetch(`${origin()}/healthz`);
    expect(health.status).to.equal(503);
    expect(await health.json())
      .to.deep.include({ ok: false })
      .and.have.nested.property('checks.store.error')
      .that.includes('unavailable');
    const token = await fetch(`${origin()}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'r', client_id: 'spa' }),
    });
    expect(token.status).to.equal(503);
    expect(token.headers.get('retry-after')).to.equal('5');
    expect(await token.json()).to.deep.equal({
      error: 'temporarily_unavailable',
      error_description: 'The sign-in service cannot reach its storage. Try again in a moment.',
    });
  });

  it("a store outage is a 503 that says so on every kind of endpoint: pages, their JSON, the provider's", async () => {
    const browser = new Browser(origin());
    const { url: signInPage } = await browser.navigate((await startAuthorization(new URL(facegate.issuer))).url);
    await facegate.store.close();
    const pages = [
      await browser.request(
        `/auth?client_id=spa&response_type=code&scope=openid&code_challenge_method=S256&code_challenge=${'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'}`,
      ),
      await browser.request(signInPage),
      await browser.request('/enroll/some-token'),
    ];
    for (const response of pages) {
      expect(response.status, response.url).to.equal(503);
      expect(response.headers.get('retry-after')).to.equal('5');
      expect(await response.text())
        .to.include('temporarily_unavailable')
        .and.include('cannot reach its storage');
    }
    const image = { method: 'POST', body: 'x', contentType: 'image/jpeg' };
    for (const answer of [
      await browser.json(`${signInPage.pathname}/face`, image),
      await browser.json('/enroll/some-token', image),
    ]) {
      expect(answer.status).to.equal(503);
      expect(answer.headers.get('retry-after')).to.equal('5');
      expect(answer.body).to.deep.include({ status: 'refused', error: 'temporarily_unavailable' });
    }
  });

  it('serves the stylesheet, and nothing else from disk', async () => {
    const css = await fetch(`${origin()}/static/facegate.css`);
    expect(css.status).to.equal(200);
    expect(css.headers.get('content-type')).to.include('text/css');
    expect((await fetch(`${origin()}/static/../package.json`)).status).to.equal(404);
  });

  it('an interaction page without its cookie says to start again, as a 4xx page', async () => {
    const response = await fetch(`${origin()}/interaction/made-up`, { headers: { accept: 'text/html' } });
    expect(response.status).to.be.within(400, 499);
    expect(await response.text())
      .to.include('This sign-in has expired')
      .and.include('start again');
  });

  it('shuts down gracefully: a request in flight is answered, new connections are refused', async () => {
    const socket = connect(facegate.port, 'localhost');
    await new Promise((resolve) => socket.once('connect', resolve));
    const body = 'grant_type=refresh_token&refresh_token=r&client_id=spa';
    socket.write(
      `POST /token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    const reply = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('close', () => resolve(text));
    });
    await sleep(100);
    const closing = facegate.close();
    await sleep(100);
    const refused = await fetch(`${origin()}/healthz`).then(
      () => false,
      () => true,
    );
    socket.write(body.slice(10));
    expect(await reply)
      .to.match(/^HTTP\/1\.1 400/)
      .and.include('invalid_grant');
    await closing;
    expect(refused).to.equal(true);
  });
});
