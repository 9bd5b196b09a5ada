import { expect } from 'chai';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Writable } from 'node:stream';
import { createLogger } from '../src/server/logger.js';
import { Browser } from './support/browser.js';
import { startTestFacegate, type TestFacegate } from './support/facegate.js';
import { emptyFrame } from './helpers/face-fixtures.js';
import { temporaryFolder } from './helpers/stores.js';
import { startAuthorization } from './support/test-rp.js';

describe('request ids in logs and responses', function () {
  this.timeout(60_000);
  const lines: Record<string, unknown>[] = [];
  let facegate: TestFacegate;
  const file = join(temporaryFolder(), 'ids.sqlite');

  before(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(
          ...String(chunk)
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l)),
        );
        done();
      },
    });
    facegate = await startTestFacegate({ type: 'sqlite', file }, undefined, {}, { logger: createLogger('info', sink) });
  });
  after(async () => {
    await facegate?.close();
  });

  it('every line written during a request carries its id, the audit line included, and the response says it', async () => {
    const issuer = new URL(facegate.issuer);
    const rp = await startAuthorization(issuer);
    const browser = new Browser(issuer.origin);
    const { url: page } = await browser.navigate(rp.url);
    const from = lines.length;
    const answer = await browser.json(`${page.pathname}/face`, {
      method: 'POST',
      body: new Uint8Array(await emptyFrame()),
      contentType: 'image/jpeg',
    });
    expect(answer.body).to.include({ error: 'no_face' });
    const id = answer.headers.get('x-request-id');
    expect(id).to.match(/^[0-9a-f-]{36}$/);
    const written = lines.slice(from);
    expect(written.map((l) => l.msg)).to.include.members(['signin no_face', 'request']);
    for (const line of written) expect(line.requestId, JSON.stringify(line)).to.equal(id);
    // The request's context holds its timing too; a log line gets the id only.
    for (const line of written) expect(line, JSON.stringify(line)).to.not.have.property('spent');
  });

  it("a failure Koa reports (a page's write refused by the store) is logged with the request's id", async () => {
    const issuer = new URL(facegate.issuer);
    const browser = new Browser(issuer.origin);
    const { url: page } = await browser.navigate((await startAuthorization(issuer)).url);
    // Another process holds the file's write lock past the busy timeout: the attempt's record fails.
    const locker = new Database(file);
    locker.exec('BEGIN IMMEDIATE');
    const from = lines.length;
    try {
      const answer = await browser.json(`${page.pathname}/face`, {
        method: 'POST',
        body: new Uint8Array(await emptyFrame()),
        contentType: 'image/jpeg',
      });
      expect(answer.status).to.equal(503);
      const failed = lines.slice(from).filter((l) => l.msg === 'request failed');
      expect(failed, JSON.stringify(lines.slice(from))).to.have.length.greaterThan(0);
      for (const line of failed) expect(line.requestId).to.equal(answer.headers.get('x-request-id'));
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
  });

  it("every request line of a sign-in's redirects has an id of its own", async () => {
    const from = lines.length;
    const rp = await startAuthorization(new URL(facegate.issuer));
    await new Browser(new URL(facegate.issuer).origin).navigate(rp.url);
    const written = lines.slice(from).filter((l) => l.msg === 'request');
    expect(written.length).to.be.greaterThan(1);
    expect(new Set(written.map((l) => l.requestId)).size).to.equal(written.length);
  });

  it("the provider's own endpoints, answered without our pages' middleware, are logged and carry an id as well", async () => {
    for (const path of ['/.well-known/openid-configuration', '/jwks?x=query-is-not-logged', '/token']) {
      const from = lines.length;
      const response = await fetch(`http://localhost:${facegate.port}${path}`, {
        method: path === '/token' ? 'POST' : 'GET',
        headers: { 'x-request-id': 'provider-path-0001' },
      });
      await response.arrayBuffer();
      expect(response.headers.get('x-request-id'), path).to.equal('provider-path-0001');
      expect(response.headers.get('x-content-type-options'), path).to.equal('nosniff');
      const logged = lines.slice(from).filter((l) => l.msg === 'request');
      expect(logged, path).to.have.length(1);
      expect(logged[0]).to.include({
        requestId: 'provider-path-0001',
        path: path.split('?')[0],
        status: response.status,
      });
    }
  });

  it('keeps a sane incoming X-Request-Id, and replaces one that is too long or has odd characters', async () => {
    const get = (id: string) => fetch(`http://localhost:${facegate.port}/healthz`, { headers: { 'x-request-id': id } });
    expect((await get('proxy-1234.abcd:ef_9')).headers.get('x-request-id')).to.equal('proxy-1234.abcd:ef_9');
    for (const bad of ['x'.repeat(129), 'short', 'has spaces in it', 'quote"d-0000', 'line\u00e9break-00']) {
      const echoed = (await get(bad)).headers.get('x-request-id');
      expect(echoed, bad).to.match(/^[0-9a-f-]{36}$/);
    }
    const logged = lines.filter((l) => l.path === '/healthz').map((l) => l.requestId);
    expect(logged).to.include('proxy-1234.abcd:ef_9');
    expect(logged.some((id) => id === 'short' || id === 'has spaces in it')).to.equal(false);
  });
});
