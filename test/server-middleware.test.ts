import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Koa from 'koa';
import request from 'supertest';
import { healthEndpoints, type HealthCheck } from '../src/server/health.js';
import { staticFiles } from '../src/server/static-files.js';
import { temporaryFolder } from './helpers/stores.js';

/**
 * The server's own middleware, in-process: a Koa app of one middleware, driven by supertest through
 * app.callback() with no port of ours. The whole server (store, models, provider) is tested over
 * HTTP in server.test.ts; here each branch of the middleware is reached directly.
 */
function appOf(middleware: Koa.Middleware): ReturnType<Koa['callback']> {
  const app = new Koa();
  app.silent = true;
  app.use(middleware);
  return app.callback();
}

describe('health endpoints, in-process', () => {
  const passing: HealthCheck = { name: 'store', check: async () => {} };
  const failing: HealthCheck = {
    name: 'models',
    check: async () => {
      throw new Error('model file altered');
    },
  };
  const hung: HealthCheck = { name: 'store', check: () => new Promise(() => {}) };

  it('/livez answers 200 whatever the checks say; /readyz and /healthz report each check', async () => {
    const app = appOf(healthEndpoints([passing, failing]));
    await request(app).get('/livez').expect(200, { ok: true }).expect('cache-control', 'no-store');
    for (const path of ['/readyz', '/healthz']) {
      await request(app)
        .get(path)
        .expect(503, {
          ok: false,
          checks: { store: { ok: true }, models: { ok: false, error: 'model file altered' } },
        });
    }
    await request(appOf(healthEndpoints([passing])))
      .get('/readyz')
      .expect(200, { ok: true, checks: { store: { ok: true } } });
  });

  it('a check that never answers counts as failed, so a hung store is reported, not waited on', async function () {
    this.timeout(10_000);
    const response = await request(appOf(healthEndpoints([hung])))
      .get('/readyz')
      .expect(503);
    expect(response.body).to.have.nested.property('checks.store.ok', false);
  });

  it('answers only GET and HEAD on its own paths, and passes anything else on', async () => {
    const app = appOf(healthEndpoints([passing]));
    await request(app).head('/livez').expect(200);
    await request(app).post('/livez').expect(404);
    await request(app).get('/livez/more').expect(404);
  });
});

describe('static files, in-process', () => {
  const folder = temporaryFolder();
  writeFileSync(join(folder, 'page.css'), 'body { color: black }');
  writeFileSync(join(folder, 'notes.txt'), 'not a served type');
  mkdirSync(join(folder, 'inner'));
  writeFileSync(join(folder, 'inner', 'deep.css'), 'p {}');
  const app = appOf(staticFiles('/static', folder));

  it('serves the files of its folder with their type and a cache lifetime', async () => {
    await request(app)
      .get('/static/page.css')
      .expect(200, 'body { color: black }')
      .expect('content-type', 'text/css; charset=utf-8')
      .expect('cache-control', 'public, max-age=3600');
    await request(app).head('/static/page.css').expect(200);
  });

  it('serves nothing else: other types, subfolders, paths that climb out, other methods, files added after start', async () => {
    writeFileSync(join(folder, 'later.css'), 'added after the list was read');
    for (const path of [
      '/static/notes.txt',
      '/static/inner/deep.css',
      '/static/../package.json',
      '/static/%2e%2e/package.json',
      '/static/later.css',
      '/page.css',
    ]) {
      await request(app).get(path).expect(404);
    }
    await request(app).post('/static/page.css').expect(404);
  });
});
