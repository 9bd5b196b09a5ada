import { join } from 'node:path';
import type { StoreSpec } from '../../adapters/contract.js';
import { validateConfig } from '../../src/config/load.js';
import type { FacegateConfig } from '../../src/config/types.js';
import { startFacegate, type Facegate, type FacegateOptions } from '../../src/server/facegate.js';
import { createLogger } from '../../src/server/logger.js';
import { ConsentPolicy } from '../../src/access/consent.js';
import { examineEnrollment, saveEnrollment } from '../../src/access/enrollment.js';
import { freePort } from './free-port.js';

/** Where the test RPs say they live; nothing listens there: tests read the redirects. */
export const rpOrigin = 'http://localhost:9999';
export const callback = `${rpOrigin}/cb`;
export const loggedOut = `${rpOrigin}/bye`;
export const webSecret = 'a-confidential-secret-of-at-least-32-chars';

/** The relying parties of the tests, registered as an operator would in facegate.config.json. */
export const testClients = [
  {
    client_id: 'spa',
    first_party: true,
    token_endpoint_auth_method: 'none',
    redirect_uris: [callback],
    post_logout_redirect_uris: [loggedOut],
    response_types: ['code'],
    grant_types: ['authorization_code', 'refresh_token'],
  },
  {
    client_id: 'web',
    client_secret: webSecret,
    client_name: 'Third-party web app',
    redirect_uris: [callback],
    post_logout_redirect_uris: [loggedOut],
    response_types: ['code', 'code id_token'],
    grant_types: ['authorization_code', 'implicit', 'refresh_token'],
    token_endpoint_auth_method: 'client_secret_basic',
  },
  {
    client_id: 'implicit',
    first_party: true,
    token_endpoint_auth_method: 'none',
    redirect_uris: [callback],
    response_types: ['id_token', 'id_token token'],
    grant_types: ['implicit'],
  },
];

export interface TestFacegate extends Facegate {
  config: FacegateConfig;
}

/** A configuration as a file would give it, validated the same way. */
export function testConfig(storage: StoreSpec, port: number, extra: Record<string, unknown> = {}): FacegateConfig {
  return validateConfig(
    {
      issuer: `http://localhost:${port}`,
      port,
      logLevel: 'silent',
      storage,
      development: { allowHttpLocalhostImplicitRedirectUris: true },
      clients: testClients,
      // One face worker per test server: tests start many, and two cores are all there is. The
      // liveness challenge is off unless a test is about it (test/liveness-*.test.ts): the other
      // tests send one frame.
      face: { workers: 1, liveness: 'off' },
      ...extra,
    },
    join(process.cwd(), 'test.config.json'),
  );
}

/** facegate in this process on a free port, issuer http://localhost:PORT. */
export async function startTestFacegate(
  storage: StoreSpec,
  port?: number,
  extra?: Record<string, unknown>,
  options: FacegateOptions = {},
): Promise<TestFacegate> {
  const config = testConfig(storage, port ?? (await freePort()), extra);
  const facegate = await startFacegate(config, { logger: createLogger('silent'), ...options });
  return Object.assign(facegate, { config });
}

/**
 * Creates account `id` named `name` and enrols it from `photos` directly (no page), replacing any
 * templates; with the consent recorded as an operator's enrolment records it, when the test's
 * configuration asks for consent (so its sign-ins are not asked for it again).
 */
export async function enrollPhotos(facegate: Facegate, id: string, name: string, photos: Uint8Array[]): Promise<void> {
  await facegate.store.accounts.upsert({ id, name });
  const embeddings = await examineEnrollment(facegate.face, photos, { accountId: id, replace: true }).catch(
    (error: Error) => {
      throw new Error(`${id} (${name}): ${error.message}`);
    },
  );
  const consent = (facegate as Partial<TestFacegate>).config?.consent;
  await saveEnrollment(facegate.store, facegate.face.model, id, embeddings, {
    replace: true,
    recordConsent:
      consent &&
      (() => new ConsentPolicy(consent, facegate.store.consents).record(id, 'operator', { recordedBy: 'the test' })),
  });
}
