import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../src/config/errors.js';
import { loadConfig, validateConfig } from '../src/config/load.js';
import { locateConfig } from '../src/config/locate.js';
import { startFacegate } from '../src/server/facegate.js';
import { createLogger } from '../src/server/logger.js';
import { testConfig } from './support/facegate.js';
import { temporaryFolder } from './helpers/stores.js';
import { configFailure } from './helpers/config-failure.js';

const failure = configFailure;

describe('configuration', () => {
  const folder = temporaryFolder();
  const write = (name: string, text: string) => {
    const file = join(folder, name);
    writeFileSync(file, text);
    return file;
  };

  it('the committed facegate.config.json is valid and registers the example RP', () => {
    const config = loadConfig(locateConfig(undefined, {}));
    expect(config.issuer).to.equal('http://localhost:3000');
    expect(config.storage).to.deep.include({ type: 'sqlite' });
    expect(config.clients.find((c) => c.client_id === 'example-rp')).to.deep.include({
      redirect_uris: ['http://localhost:3001/callback'],
      post_logout_redirect_uris: ['http://localhost:3001/'],
      token_endpoint_auth_method: 'none',
      first_party: true,
    });
  });

  it('applies defaults, the face section included, and resolves the SQLite path against the file', () => {
    const config = loadConfig(write('min.json', '{}'));
    expect(config.storage).to.deep.equal({ type: 'sqlite', file: join(folder, 'data/facegate.sqlite') });
    expect(config.ttl.accessToken).to.equal(3600);
    expect(config.face).to.deep.equal({
      detector: 'blazeface-front-128',
      landmarks: true,
      embedder: 'faceplugin-fr-feature-512',
      mirrorFusion: null,
      liveness: 'challenge',
      presentationAttackDetection: { enabled: false, threshold: 0.001 },
      targetFalseAcceptRate: 0.0001,
      minGenuineAcceptRate: 0.5,
      threshold: null,
      margin: null,
      minDetectionScore: 0.5,
      minEyeDistancePx: 24,
      minBrightness: 40,
      minSharpness: 0.05,
      workers: 2,
      queueLength: 48,
      maxImageBytes: 8388608,
      maxImagePixels: 40000000,
      attempts: {
        perInteraction: 5,
        perIp: { max: 30, windowSeconds: 900 },
        ipv6PrefixLength: 64,
        accountDelays: { freeFailures: 3, firstDelaySeconds: 2, maxDelaySeconds: 900, forgetAfterSeconds: 86400 },
        accountAlarm: { failures: 50, windowSeconds: 3600 },
      },
      retention: { inactiveDays: null },
    });
    expect(config.consent).to.deep.equal({
      required: true,
      version: '1',
      policyUrl: null,
      operator: null,
      text: null,
    });
  });

  it('finds the file from --config, else FACEGATE_CONFIG, else ./facegate.config.json', () => {
    expect(locateConfig('/a.json', { FACEGATE_CONFIG: '/b.json' })).to.equal('/a.json');
    expect(locateConfig(undefined, { FACEGATE_CONFIG: '/b.json' })).to.equal('/b.json');
    expect(locateConfig(undefined, {})).to.equal(join(process.cwd(), 'facegate.config.json'));
  });

  it('a missing file says so and how to name another', () => {
    const error = failure(() => loadConfig(join(folder, 'absent.json')));
    expect(error.code).to.equal('config_missing');
    expect(error.message).to.include('absent.json').and.include('--config');
  });

  it('a file that is not JSON says so', () => {
    expect(failure(() => loadConfig(write('bad.json', '{ "issuer": '))).code).to.equal('config_not_json');
  });

  it('an unknown key is refused, by its place', () => {
    const error = failure(() => validateConfig({ ttl: { acessToken: 5 } }, 'f.json'));
    expect(error.message)
      .to.match(/^f\.json \/ttl: unknown key "acessToken"/)
      .and.include('accessToken');
  });

  it('a bad value is refused, by its place', () => {
    expect(failure(() => validateConfig({ port: 'http' }, 'f.json')).message).to.match(/^f\.json \/port: /);
    expect(failure(() => validateConfig({ storage: { type: 'redis' } }, 'f.json')).message).to.equal(
      'f.json /storage: "url" is missing: add it',
    );
    expect(failure(() => validateConfig({ issuer: 'http://localhost:3000/' }, 'f.json')).message).to.include(
      'no trailing slash',
    );
  });

  it('a client refused by our schema is named by client_id and field', () => {
    const error = failure(() =>
      validateConfig(
        { clients: [{ client_id: 'rp1', redirect_uris: ['https://rp/cb'], response_types: ['token'] }] },
        'f.json',
      ),
    );
    expect(error.message).to.match(/^f\.json \/clients\/0\/response_types\/0 \(client "rp1"\)/);
  });

  it('two clients with one client_id are refused', () => {
    const client = { client_id: 'twin', redirect_uris: ['https://rp/cb'] };
    expect(failure(() => validateConfig({ clients: [client, client] }, 'f.json')).message).to.include('client "twin"');
  });

  it('the http://localhost relaxation is refused on any other issuer', () => {
    const error = failure(() =>
      validateConfig(
        { issuer: 'https://id.example.com', development: { allowHttpLocalhostImplicitRedirectUris: true } },
        'f.json',
      ),
    );
    expect(error.message).to.include('/development/allowHttpLocalhostImplicitRedirectUris');
  });

  describe('clients checked by oidc-provider at start', () => {
    const start = (clients: unknown[], development = {}) =>
      startFacegate(testConfig({ type: 'sqlite', file: join(folder, 'clients.sqlite') }, 0, { clients, development }), {
        logger: createLogger('silent'),
      });
    const implicitClient = {
      client_id: 'legacy',
      token_endpoint_auth_method: 'none',
      redirect_uris: ['http://localhost:4000/cb'],
      response_types: ['id_token'],
      grant_types: ['implicit'],
    };

    it('an implicit client on http://localhost stops the start without the relaxation, naming client and field', async () => {
      const error = (await start([implicitClient]).catch((e: unknown) => e)) as ConfigError;
      expect(error).to.be.instanceOf(ConfigError);
      expect(error.code).to.equal('config_client_invalid');
      expect(error.message).to.include('client "legacy"').and.include('redirect_uris');
    });

    it('a confidential client without a secret stops the start', async () => {
      const error = (await start([{ client_id: 'nosecret', redirect_uris: ['https://rp.example/cb'] }]).catch(
        (e: unknown) => e,
      )) as ConfigError;
      expect(error.message).to.include('client "nosecret"').and.include('client_secret');
    });

    it('with the relaxation on a localhost issuer the same client is accepted', async () => {
      const facegate = await start([implicitClient], { allowHttpLocalhostImplicitRedirectUris: true });
      await facegate.close();
    });
  });
});
