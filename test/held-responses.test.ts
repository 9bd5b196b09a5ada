/**
 * oidc-provider's writes on SQLite go ahead of their commit, and the response of the request that
 * made them waits for it (src/server/held-responses.ts). What that must never allow: an answer
 * that tells the client of a write (a redirect to an interaction, a session cookie) that then
 * fails to commit.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { Browser } from './support/browser.js';
import { startTestFacegate, type TestFacegate } from './support/facegate.js';
import { startAuthorization } from './support/test-rp.js';
import { temporaryFolder } from './helpers/stores.js';

describe('held responses: no answer before the writes it tells of are committed', function () {
  this.timeout(60_000);
  let facegate: TestFacegate | undefined;
  let locker: Database.Database | undefined;
  afterEach(async () => {
    if (locker?.inTransaction) locker.exec('ROLLBACK');
    locker?.close();
    await facegate?.close();
    facegate = locker = undefined;
  });

  it('answers the authorization 503, without its redirect or cookie, when its writes cannot be committed; then serves again', async () => {
    const file = join(temporaryFolder(), 'held.sqlite');
    facegate = await startTestFacegate({ type: 'sqlite', file });
    const issuer = new URL(facegate.issuer);
    const authorization = (await startAuthorization(issuer)).url;

    // Another process on the file holds its write lock past the busy timeout (5 s): the commit of
    // the interaction oidc-provider was told is stored fails (SQLITE_BUSY) after its handler is done.
    locker = new Database(file);
    locker.exec('BEGIN IMMEDIATE');
    const refused = await new Browser(issuer.origin).request(authorization);
    expect(refused.status).to.equal(503);
    expect(refused.headers.get('retry-after')).to.equal('5');
    expect(refused.headers.get('location')).to.equal(null);
    expect(refused.headers.getSetCookie()).to.deep.equal([]);
    expect(refused.headers.get('x-request-id')).to.be.a('string');
    expect(refused.headers.get('content-security-policy')).to.be.a('string');
    expect(await refused.text()).to.include('cannot reach its storage');

    locker.exec('ROLLBACK');
    const { url } = await new Browser(issuer.origin).navigate(authorization);
    expect(url.pathname).to.match(/^\/interaction\//);
  });
});
