import { expect } from 'chai';
import { join } from 'node:path';
import { ConfigError } from '../src/config/errors.js';
import { startFacegate, type Facegate } from '../src/server/facegate.js';
import { createLogger } from '../src/server/logger.js';
import { testClients, testConfig } from './support/facegate.js';
import { temporaryFolder } from './helpers/stores.js';

/**
 * Issue 11, finding 6: `development.allowHttpLocalhostImplicitRedirectUris` lets an implicit
 * client register localhost and loopback redirect URIs, and nothing else; and `id_token token`
 * (an access token in the URL, RFC 9700) is offered only when a configured client lists it.
 */
describe('the local development relaxation, and what discovery offers', function () {
  this.timeout(60_000);
  const started: Facegate[] = [];
  after(async () => {
    await Promise.all(started.map((f) => f.close()));
  });

  const start = async (
    clients: unknown[],
    development: Record<string, unknown> = { allowHttpLocalhostImplicitRedirectUris: true },
  ) => {
    const facegate = await startFacegate(
      testConfig({ type: 'sqlite', file: join(temporaryFolder(), 'dev.sqlite') }, 0, { clients, development }),
      { logger: createLogger('silent') },
    );
    started.push(facegate);
    return facegate;
  };
  const implicit = (redirectUri: string, responseTypes = ['id_token']) => ({
    client_id: 'legacy',
    token_endpoint_auth_method: 'none',
    redirect_uris: [redirectUri],
    response_types: responseTypes,
    grant_types: ['implicit'],
  });

  it('refuses an implicit client with a non-local http redirect URI, relaxation or not', async () => {
    const error = (await start([implicit('http://attacker.example/cb')]).catch((e: unknown) => e)) as ConfigError;
    expect(error).to.be.instanceOf(ConfigError);
    expect(error.code).to.equal('config_client_invalid');
    expect(error.message).to.include('client "legacy"').and.include('https');
  });

  it('refuses a non-local one among local ones', async () => {
    const client = {
      ...implicit('http://localhost:4000/cb'),
      redirect_uris: ['http://localhost:4000/cb', 'http://192.168.1.20/cb'],
    };
    expect(await start([client]).catch((e: unknown) => e)).to.be.instanceOf(ConfigError);
  });

  for (const uri of [
    'http://localhost:4000/cb',
    'http://127.0.0.1:4000/cb',
    'http://[::1]:4000/cb',
    'https://localhost/cb',
  ]) {
    it(`accepts ${uri}`, async () => {
      await start([implicit(uri)]);
    });
  }

  it('offers id_token token only when a configured client lists it', async () => {
    const discovery = async (facegate: Facegate) =>
      (await (await fetch(`http://localhost:${facegate.port}/.well-known/openid-configuration`)).json()) as {
        response_types_supported: string[];
      };
    const withoutIt = await start(testClients.filter((c) => c.client_id !== 'implicit'));
    expect((await discovery(withoutIt)).response_types_supported).to.have.members([
      'code',
      'id_token',
      'code id_token',
    ]);
    const withIt = await start([implicit('http://localhost:4000/cb', ['id_token', 'id_token token'])]);
    expect((await discovery(withIt)).response_types_supported).to.have.members([
      'code',
      'id_token',
      'code id_token',
      'id_token token',
    ]);
  });
});
