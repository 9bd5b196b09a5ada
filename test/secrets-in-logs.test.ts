import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import * as oidc from 'openid-client';
import { pino } from 'pino';
import { rotateCookieKey, rotateSigningKeys } from '../src/keys/rotate.js';
import type { Logger } from '../src/server/logger.js';
import { createInvitation } from '../src/access/invitations.js';
import { Browser } from './support/browser.js';
import { callback, startTestFacegate, webSecret, type TestFacegate } from './support/facegate.js';
import { portrait, webcamFrame } from './helpers/face-fixtures.js';
import { CONSENT, framesOf, multipart } from './helpers/face-uploads.js';
import { backends, specOrSkip, temporaryFolder } from './helpers/stores.js';
import { until } from './helpers/until.js';
import { facegateProcess } from './helpers/facegate-process.js';
import { freePort } from './support/free-port.js';

/** Members of a private JWK that are secret (RSA, EC, oct). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'] as const;

/** Every line the server logs, at the most verbose level. */
function capturedLog(): { logger: Logger; text: () => string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino<never>({ level: 'trace', base: { service: 'facegate' } }, stream), text: () => lines.join('') };
}

for (const backend of backends) {
  describe(`secrets never reach the log: ${backend.name}`, function () {
    this.timeout(120_000);
    let facegate: TestFacegate;
    let log: ReturnType<typeof capturedLog>;

    before(async function () {
      log = capturedLog();
      facegate = await startTestFacegate(await specOrSkip(this, backend), undefined, {}, { logger: log.logger });
    });
    after(async () => {
      await facegate?.close();
    });

    it('across an enrolment, a face sign-in, a token exchange with a client secret, a refresh and a key rotation', async () => {
      const issuer = new URL(facegate.issuer);
      const secrets: Record<string, string> = { clientSecret: webSecret };

      // Enrolment by invitation link: its token is a credential.
      const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
        accountId: 'alice',
        ttlSeconds: 600,
      });
      secrets.invitation = new URL(link).pathname.split('/').pop()!;
      const enrolment = await new Browser(issuer.origin).json(link, {
        method: 'POST',
        body: multipart(await framesOf(0), { name: 'Alice', ...CONSENT }),
      });
      expect(enrolment.body).to.include({ status: 'enrolled' });

      // Sign-in with the face, consent, code exchange with the client secret, refresh, userinfo.
      const config = await oidc.discovery(issuer, 'web', undefined, oidc.ClientSecretBasic(webSecret), {
        execute: [oidc.allowInsecureRequests],
      });
      const verifier = oidc.randomPKCECodeVerifier();
      secrets.verifier = verifier;
      const browser = new Browser(issuer.origin);
      const { url: page } = await browser.navigate(
        oidc.buildAuthorizationUrl(config, {
          redirect_uri: callback,
          scope: 'openid profile offline_access',
          prompt: 'consent',
          state: 's',
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
        }),
      );
      const face = await browser.json(`${page.pathname}/face`, {
        method: 'POST',
        body: await webcamFrame(await portrait(0)),
        contentType: 'image/jpeg',
      });
      expect(face.body, JSON.stringify(face.body)).to.include({ status: 'accepted' });
      const { url: consent } = await browser.navigate(face.body.redirectTo as string);
      const { url: back } = await browser.navigate(`${consent.pathname}/confirm`, { form: {} });
      secrets.code = back.searchParams.get('code')!;
      const tokens = await oidc.authorizationCodeGrant(config, back, {
        pkceCodeVerifier: verifier,
        expectedState: 's',
      });
      const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
      await oidc.fetchUserInfo(config, refreshed.access_token, 'alice');
      Object.assign(secrets, {
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token!,
        idToken: tokens.id_token!,
        refreshedAccessToken: refreshed.access_token,
        refreshedRefreshToken: refreshed.refresh_token!,
      });
      // A wrong secret is logged as a failure, the secret tried is not.
      secrets.wrongSecret = 'a-wrong-secret-somebody-typed-in-by-mistake';
      const wrong = await fetch(new URL('/token', issuer), {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`web:${secrets.wrongSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshed.refresh_token! }),
      });
      expect(wrong.status).to.equal(401);

      // Key rotation, picked up by a reload as SIGHUP does it.
      await rotateSigningKeys(facegate.store.keys);
      await rotateCookieKey(facegate.store.keys);
      await facegate.reload(facegate.config);
      expect((await fetch(new URL('/healthz', issuer))).status).to.equal(200);

      for (const kind of ['signing', 'cookie'] as const) {
        for (const { jwk, kid } of await facegate.store.keys.list(kind)) {
          for (const member of PRIVATE_MEMBERS)
            if (typeof jwk[member] === 'string') secrets[`${kind} ${kid} ${member}`] = jwk[member] as string;
        }
      }
      // Cookie values, but not the interaction's uid: oidc-provider's interaction cookies hold it,
      // and it is in the page's URL (so in the request log) by design; their signature is the secret.
      const uids = new Set([page.pathname.split('/')[2], consent.pathname.split('/')[2]]);
      for (const line of browser.setCookieLines) {
        const [name, ...value] = line.split(';')[0].split('=');
        if (value.join('=') && !uids.has(value.join('='))) secrets[`cookie ${name}`] = value.join('=');
      }

      const text = log.text();
      expect(text).to.include('"msg":"request"').and.include('signin accepted').and.include('configuration reloaded');
      for (const [what, secret] of Object.entries(secrets)) {
        expect(secret.length, what).to.be.above(15);
        expect(text.includes(secret), `the log holds the ${what}`).to.equal(false);
      }
    });
  });
}

/**
 * Settings handed over as environment variables are often secrets (a store's password, a client
 * secret): `facegate serve` must not print them, whether it runs or refuses them.
 */
describe("secrets from the environment never reach facegate serve's output", function () {
  this.timeout(60_000);
  const password = 'redis-password-from-the-environment';
  const clientSecret = 'client-secret-from-the-environment-0123456789';
  const folder = temporaryFolder();
  const file = join(folder, 'facegate.config.json');
  writeFileSync(
    file,
    JSON.stringify({
      face: { workers: 1 },
      clients: [
        {
          client_id: 'web',
          client_secret: '$' + '{FACEGATE_TEST_WEB_SECRET}',
          redirect_uris: ['https://rp.example.com/cb'],
        },
      ],
    }),
  );

  it('while it serves, and logs at trace level that its store (reached through a password) is down', async () => {
    const port = await freePort();
    const {
      child,
      exited,
      output: written,
    } = facegateProcess(['serve', '--config', file], {
      ...process.env,
      FACEGATE_ISSUER: `http://localhost:${port}`,
      FACEGATE_PORT: String(port),
      FACEGATE_LOG_LEVEL: 'trace',
      FACEGATE_STORAGE_TYPE: 'redis',
      // Nobody listens there: the store stays down and facegate logs each retry.
      FACEGATE_STORAGE_URL: `redis://facegate:${password}@127.0.0.1:${await freePort()}/0`,
      FACEGATE_TEST_WEB_SECRET: clientSecret,
    });
    try {
      const health = await until('facegate serve answers', async () => {
        const response = await fetch(`http://localhost:${port}/healthz`);
        return response.status === 503 && (await response.text());
      });
      expect(health).to.include('ECONNREFUSED');
      await until('two retries logged', () => (written().match(/ECONNREFUSED/g) ?? []).length >= 2);
    } finally {
      child.kill('SIGTERM');
    }
    await exited;
    const output = written();
    expect(output.includes(password), `the output holds the store's password:\n${output}`).to.equal(false);
    expect(output.includes(clientSecret), 'the output holds the client secret').to.equal(false);
  });

  it('when it refuses a bad value from a variable, naming the variable', () => {
    const run = spawnSync(process.execPath, ['bin/facegate.js', 'serve', '--config', file], {
      encoding: 'utf8',
      env: {
        ...process.env,
        FACEGATE_STORAGE_TYPE: 'redis',
        FACEGATE_STORAGE_URL: `http://facegate:${password}@cache:6379`,
        FACEGATE_TEST_WEB_SECRET: clientSecret,
      },
    });
    expect(run.status).to.equal(1);
    expect(run.stderr).to.include('FACEGATE_STORAGE_URL');
    expect(`${run.stdout}${run.stderr}`).to.not.include(password).and.not.include(clientSecret);
  });
});
