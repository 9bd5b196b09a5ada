import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startExampleRp, type RunningExampleRp } from '../example-rp/server/server.js';
import { temporaryFolder } from './helpers/stores.js';

/** A built app as Vite lays it out, small enough to read in a test. */
function fixtureApp(): string {
  const root = temporaryFolder();
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><title>RP</title><script type="module" src="/assets/index-abc.js"></script>',
  );
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log("app");');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body { margin: 0 }');
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

describe('example RP server', () => {
  const authority = 'http://localhost:4567';
  let rp: RunningExampleRp;
  const get = (path: string, init?: RequestInit) => fetch(`${rp.url}${path}`, init);
  before(async () => {
    rp = await startExampleRp({ authority, clientId: 'my-spa', port: 0, host: 'localhost', root: fixtureApp() });
  });
  after(async () => {
    await rp.close();
  });

  for (const path of ['/', '/protected', '/callback?code=abc&state=xyz', '/signed-out']) {
    it(`serves index.html for ${path} (the single-page app's fallback)`, async () => {
      const response = await get(path);
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).to.equal('no-cache');
      expect(await response.text()).to.include('<title>RP</title>');
    });
  }

  it('serves /config.json with the configured authority and client_id', async () => {
    const response = await get('/config.json');
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.include('application/json');
    expect(response.headers.get('cache-control')).to.equal('no-cache');
    expect(await response.json()).to.deep.equal({ authority, client_id: 'my-spa' });
  });

  it('serves assets with their content types, hashed ones cached for good', async () => {
    const script = await get('/assets/index-abc.js');
    expect(script.headers.get('content-type')).to.equal('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).to.include('immutable');
    expect(await script.text()).to.equal('console.log("app");');
    expect((await get('/assets/index-abc.css')).headers.get('content-type')).to.equal('text/css; charset=utf-8');
    const icon = await get('/favicon.svg');
    expect(icon.headers.get('content-type')).to.equal('image/svg+xml');
    expect(icon.headers.get('cache-control')).to.equal('no-cache');
  });

  it('sends a Content-Security-Policy without inline script, allowing the provider for fetches', async () => {
    const response = await get('/');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).to.include("default-src 'none'").and.include("script-src 'self'").and.include("style-src 'self'");
    expect(csp).to.include(`connect-src 'self' ${authority}`).and.include("frame-ancestors 'none'");
    expect(csp).not.to.include('unsafe-inline').and.not.to.include('unsafe-eval');
    expect(response.headers.get('referrer-policy')).to.equal('no-referrer');
    expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
  });

  it('answers 404, not the app, for a missing asset or file', async () => {
    for (const path of [
      '/assets/index-gone.js',
      '/favicon.ico',
      '/robots.txt',
      '/../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
    ]) {
      const response = await get(path);
      expect(response.status, path).to.equal(404);
      expect(response.headers.get('content-type'), path).to.equal('text/plain; charset=utf-8');
    }
  });

  it('answers HEAD without a body and refuses other methods with 405', async () => {
    const head = await get('/assets/index-abc.js', { method: 'HEAD' });
    expect(head.status).to.equal(200);
    expect(head.headers.get('content-length')).to.equal('19');
    expect(await head.text()).to.equal('');
    const post = await get('/callback', { method: 'POST' });
    expect(post.status).to.equal(405);
    expect(post.headers.get('allow')).to.equal('GET, HEAD');
  });

  it('refuses to start on a folder without index.html', async () => {
    let error: Error | undefined;
    await startExampleRp({ authority, clientId: 'x', port: 0, host: 'localhost', root: temporaryFolder() }).catch(
      (e: Error) => {
        error = e;
      },
    );
    expect(error?.message).to.include('holds no index.html');
  });
});
