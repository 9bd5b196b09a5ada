import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { settingVariables } from '../src/config/variables.js';
import { temporaryFolder } from './helpers/stores.js';
import { configFailure } from './helpers/config-failure.js';

/** A reference to an environment variable, as written in the file. */
const ref = (name: string) => `\${${name}}`;

const failure = configFailure;

describe('configuration from the environment', () => {
  const folder = temporaryFolder();
  const write = (name: string, data: unknown) => {
    const file = join(folder, name);
    writeFileSync(file, JSON.stringify(data));
    return file;
  };

  describe('every setting has a variable, named after its place in the schema', () => {
    const names = settingVariables().map((v) => v.name);

    it('FACEGATE_ and the path in capitals, words split by _', () => {
      expect(names).to.include.members([
        'FACEGATE_ISSUER',
        'FACEGATE_PORT',
        'FACEGATE_STORAGE_TYPE',
        'FACEGATE_STORAGE_FILE',
        'FACEGATE_STORAGE_URL',
        'FACEGATE_STORAGE_KEY_PREFIX',
        'FACEGATE_METRICS_ALLOW_FROM',
        'FACEGATE_CLIENTS',
        'FACEGATE_FACE_EMBEDDER',
        'FACEGATE_FACE_ATTEMPTS_PER_IP_MAX',
        'FACEGATE_FACE_ATTEMPTS_ACCOUNT_DELAYS_MAX_DELAY_SECONDS',
      ]);
    });

    it('no two settings share a name, and none is taken by the variables facegate already reads', () => {
      expect(new Set(names).size).to.equal(names.length);
      expect(names).to.not.include.members(['FACEGATE_CONFIG', 'FACEGATE_RP_AUTHORITY', 'FACEGATE_RP_CLIENT_ID']);
    });
  });

  it('a value from a variable overrides the file, read as the schema types it', () => {
    const file = write('env.json', { issuer: 'https://file.example.com', port: 4000 });
    const config = loadConfig(file, {
      FACEGATE_ISSUER: 'https://id.example.com',
      FACEGATE_PORT: '8080',
      FACEGATE_PROXY: 'true',
      FACEGATE_METRICS_ALLOW_FROM: '10.0.0.0/8, 127.0.0.1',
      FACEGATE_FACE_ATTEMPTS_PER_IP_MAX: '7',
      FACEGATE_FACE_THRESHOLD: 'null',
      FACEGATE_FACE_LANDMARKS: 'false',
      FACEGATE_CLIENTS: JSON.stringify([{ client_id: 'env-rp', redirect_uris: ['https://rp.example.com/cb'] }]),
    });
    expect(config.issuer).to.equal('https://id.example.com');
    expect(config.port).to.equal(8080);
    expect(config.proxy).to.equal(1);
    expect(config.metrics.allowFrom).to.deep.equal(['10.0.0.0/8', '127.0.0.1']);
    // The rest of an object set in part keeps its defaults.
    expect(config.face.attempts.perIp).to.deep.equal({ max: 7, windowSeconds: 900 });
    expect(config.face.threshold).to.equal(null);
    expect(config.face.landmarks).to.equal(false);
    expect(config.clients.map((c) => c.client_id)).to.deep.equal(['env-rp']);
  });

  it('an empty variable counts as unset', () => {
    const config = loadConfig(write('empty.json', { port: 4000 }), { FACEGATE_PORT: '' });
    expect(config.port).to.equal(4000);
  });

  it('FACEGATE_STORAGE_TYPE switching the kind of store drops the file’s other storage fields', () => {
    const file = write('switch.json', { storage: { type: 'sqlite', file: 'x.sqlite' } });
    const config = loadConfig(file, { FACEGATE_STORAGE_TYPE: 'redis', FACEGATE_STORAGE_URL: 'redis://cache:6379' });
    expect(config.storage).to.deep.equal({ type: 'redis', url: 'redis://cache:6379' });
    const sqlite = loadConfig(write('nostorage.json', {}), { FACEGATE_STORAGE_FILE: '/var/lib/facegate/db.sqlite' });
    expect(sqlite.storage).to.deep.equal({ type: 'sqlite', file: '/var/lib/facegate/db.sqlite' });
  });

  it('the file refers to variables by dollar and braces, a whole value or part of a string', () => {
    const file = write('refs.json', {
      port: ref('FACEGATE_TEST_PORT'),
      storage: { type: 'redis', url: `redis://:${ref('FACEGATE_DB_PASSWORD')}@cache:6379/0` },
      clients: [
        {
          client_id: 'web',
          client_secret: ref('FACEGATE_WEB_SECRET'),
          redirect_uris: ['https://rp.example.com/cb'],
          client_name: `Costs $${ref('PRICE')}`,
        },
      ],
    });
    const config = loadConfig(file, {
      FACEGATE_TEST_PORT: '3100',
      FACEGATE_DB_PASSWORD: 'p@ss',
      FACEGATE_WEB_SECRET: 'a-web-secret-of-more-than-32-characters',
    });
    expect(config.port).to.equal(3100);
    expect(config.storage).to.deep.include({ url: 'redis://:p@ss@cache:6379/0' });
    expect(config.clients[0]).to.deep.include({
      client_secret: 'a-web-secret-of-more-than-32-characters',
      client_name: `Costs ${ref('PRICE')}`,
    });
  });

  it('a reference to a variable that is not set is refused, naming the variable and the place', () => {
    const file = write('missing.json', {
      storage: { type: 'redis', url: `redis://:${ref('FACEGATE_DB_PASSWORD')}@cache` },
    });
    const error = failure(() => loadConfig(file, {}));
    expect(error.code).to.equal('config_variable_missing');
    expect(error.message)
      .to.include(file)
      .and.include('/storage/url')
      .and.include('FACEGATE_DB_PASSWORD')
      .and.include('is not set');
  });

  it('a bad value from a variable is refused, naming the variable and the setting, without echoing the value', () => {
    const file = write('bad.json', {});
    const port = failure(() => loadConfig(file, { FACEGATE_PORT: 'eighty' }));
    expect(port.message).to.match(/^environment variable FACEGATE_PORT \(setting \/port\): /);
    expect(port.message).to.not.include('eighty');

    const url = failure(() =>
      loadConfig(file, { FACEGATE_STORAGE_TYPE: 'redis', FACEGATE_STORAGE_URL: 'http://:hunter2hunter2@cache' }),
    );
    expect(url.message).to.include('FACEGATE_STORAGE_URL').and.include('/storage/url');
    expect(url.message).to.not.include('hunter2');

    const clients = failure(() => loadConfig(file, { FACEGATE_CLIENTS: '[{"client_id": ' }));
    expect(clients.message).to.include('FACEGATE_CLIENTS').and.include('JSON');
  });

  it('a bad value through a reference names the reference and the place in the file', () => {
    const file = write('badref.json', { port: ref('FACEGATE_TEST_PORT') });
    const error = failure(() => loadConfig(file, { FACEGATE_TEST_PORT: 'eighty' }));
    expect(error.message).to.include(file).and.include('/port').and.include(ref('FACEGATE_TEST_PORT'));
    expect(error.message).to.not.include('eighty');
  });

  it('a client secret refused by the schema is not echoed, whether from the file or a variable', () => {
    const short = 'short-secret-x';
    const client = { client_id: 'web', client_secret: short, redirect_uris: ['https://rp.example.com/cb'] };
    const fromFile = failure(() => loadConfig(write('secret.json', { clients: [client] }), {}));
    expect(fromFile.message).to.include('/clients/0/client_secret').and.not.include(short);
    const viaReference = write('secretref.json', {
      clients: [{ ...client, client_secret: ref('FACEGATE_WEB_SECRET') }],
    });
    const fromVariable = failure(() => loadConfig(viaReference, { FACEGATE_WEB_SECRET: short }));
    expect(fromVariable.message).to.include('FACEGATE_WEB_SECRET').and.not.include(short);
  });
});
