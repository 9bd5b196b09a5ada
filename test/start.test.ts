import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { dataLocation } from '../src/cli/startup-summary.js';
import { freePort } from './support/free-port.js';
import { temporaryFolder } from './helpers/stores.js';

/** A configuration file like the repository's, on free ports. */
async function configFile({ withExampleRp = true } = {}) {
  const folder = temporaryFolder();
  const [port, rpPort] = [await freePort(), await freePort()];
  const file = join(folder, 'facegate.config.json');
  const clients = withExampleRp
    ? [
        {
          client_id: 'example-rp',
          redirect_uris: [`http://localhost:${rpPort}/callback`],
          post_logout_redirect_uris: [`http://localhost:${rpPort}/`],
          response_types: ['code'],
          grant_types: ['authorization_code', 'refresh_token'],
          token_endpoint_auth_method: 'none',
          first_party: true,
        },
      ]
    : [];
  writeFileSync(
    file,
    JSON.stringify({
      issuer: `http://localhost:${port}`,
      port,
      logLevel: 'warn',
      storage: { type: 'sqlite', file: 'data/facegate.sqlite' },
      clients,
    }),
  );
  return { file, folder, port, rpPort, issuer: `http://localhost:${port}` };
}

/** `facegate start` as npm start runs it; resolves once it has printed its summary, or has exited. */
function start(file: string) {
  const child = spawn(process.execPath, ['bin/facegate.js', 'start', '--config', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Press Ctrl-C to stop.')) resolve();
    });
    void exited.then(() => resolve());
  });
  return { child, ready, exited, output: () => ({ out, err }) };
}

function occupy(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer().listen(port, 'localhost', () => resolve(server));
  });
}

describe('facegate start (npm start)', () => {
  it('serves the provider and the example RP, prints where they are, and stops both on SIGTERM', async () => {
    const { file, folder, rpPort, issuer } = await configFile();
    const run = start(file);
    await run.ready;
    const { out } = run.output();
    const summary = out.slice(out.indexOf('facegate is ready'));
    const lines = summary.split('\n');
    expect(lines.slice(0, 5)).to.deep.equal([
      'facegate is ready',
      `  Issuer:     ${issuer}`,
      `  Discovery:  ${issuer}/.well-known/openid-configuration`,
      `  Example RP: http://localhost:${rpPort} (client_id example-rp)`,
      `  Data:       ${join(folder, 'data', 'facegate.sqlite')} (SQLite)`,
    ]);
    // A fresh store has no account: the first one is enrolled through a one-time link.
    expect(lines[5]).to.match(new RegExp(`^  Enrol:      ${issuer}/enroll/[A-Za-z0-9_-]{43}$`));
    expect(lines[6]).to.include('no account yet');
    expect(lines[7]).to.equal('Press Ctrl-C to stop.');
    const enrollPage = await fetch(lines[5].trim().replace(/^Enrol:\s+/, ''));
    expect(enrollPage.status).to.equal(200);

    const discovery = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(await discovery.json()).to.include({ issuer });
    const config = await fetch(`http://localhost:${rpPort}/config.json`);
    expect(await config.json()).to.deep.equal({ authority: issuer, client_id: 'example-rp' });

    run.child.kill('SIGTERM');
    expect(await run.exited).to.equal(0);
    expect(
      await fetch(`http://localhost:${rpPort}/`).then(
        () => 'open',
        () => 'closed',
      ),
    ).to.equal('closed');
    expect(
      await fetch(`${issuer}/healthz`).then(
        () => 'open',
        () => 'closed',
      ),
    ).to.equal('closed');
  });

  it('says so, and serves the provider alone, when the configuration has no example-rp client', async () => {
    const { file } = await configFile({ withExampleRp: false });
    const run = start(file);
    await run.ready;
    expect(run.output().out).to.include(`  Example RP: not started: no client "example-rp" in ${file}`);
    run.child.kill('SIGINT');
    expect(await run.exited).to.equal(0);
  });

  it('a port in use is one line that names the fix, and nothing is left running', async () => {
    const { file, port, rpPort } = await configFile();
    const busy = await occupy(rpPort);
    try {
      const run = start(file);
      expect(await run.exited).to.equal(1);
      const { err } = run.output();
      expect(
        err
          .trim()
          .split('\n')
          .filter((line) => !line.startsWith('oidc-provider WARNING')),
      ).to.deep.equal([
        `facegate start: the example RP's port ${rpPort} is in use (from the redirect_uris of client "example-rp" in ${file}): stop the other server, or register another localhost port there`,
      ]);
      // The provider had started: it must have been closed again.
      expect(
        await fetch(`http://localhost:${port}/healthz`).then(
          () => 'open',
          () => 'closed',
        ),
      ).to.equal('closed');
    } finally {
      busy.close();
    }

    const providerBusy = await occupy(port);
    try {
      const run = start(file);
      expect(await run.exited).to.equal(1);
      expect(run.output().err).to.match(
        new RegExp(`^facegate start: .*${port}.*: stop the other server, or set "port" in ${file}\\n$`, 'm'),
      );
    } finally {
      providerBusy.close();
    }
  });

  it('names a Redis store without its credentials', () => {
    expect(
      dataLocation({ type: 'redis', url: 'redis://facegate:s3cret@cache.internal:6379/2', keyPrefix: 'fg:' }),
    ).to.equal('redis://cache.internal:6379/2 (Redis, keys under "fg:")');
  });
});
