import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../adapters/open.js';
import { temporaryFolder } from './helpers/stores.js';
import { demoPhoto, portrait, variants } from './helpers/face-fixtures.js';

/** The real command, as an operator runs it. */
function facegate(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/facegate.js', ...args], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('facegate command line', () => {
  const folder = temporaryFolder();
  const config = join(folder, 'facegate.config.json');
  writeFileSync(config, JSON.stringify({ storage: { type: 'sqlite', file: 'cli.sqlite' } }));

  it('accounts add, list and remove (with the templates)', async () => {
    expect(
      facegate(
        'accounts',
        'add',
        'bob',
        '--name',
        'Bob B',
        '--email',
        'bob@example.com',
        '--email-verified',
        '--config',
        config,
      ),
    ).to.include({ code: 0 });
    const again = facegate('accounts', 'add', 'bob', '--config', config);
    expect(again.code).to.equal(1);
    expect(again.err).to.include('--update');

    const store = await openStore({ type: 'sqlite', file: join(folder, 'cli.sqlite') });
    try {
      expect(await store.accounts.get('bob')).to.include({
        name: 'Bob B',
        email: 'bob@example.com',
        emailVerified: true,
      });
      await store.templates.add('bob', 'm', [Float32Array.of(1, 2)]);
    } finally {
      await store.close();
    }
    expect(facegate('accounts', 'list', '--config', config).out).to.equal(
      'bob\tBob B\tbob@example.com\t1 face template(s) (m: 1)\tnever signed in\n',
    );
    expect(facegate('accounts', 'remove', 'bob', '--config', config)).to.include({ code: 0 });
    expect(facegate('accounts', 'remove', 'bob', '--config', config).code).to.equal(1);
    expect(facegate('accounts', 'list', '--config', config).out).to.include('no accounts yet');
  });

  it('keys rotate adds signing keys and keeps the earlier ones; keys list shows which sign', () => {
    expect(facegate('keys', 'list', '--config', config).out).to.include('no keys yet');
    expect(facegate('keys', 'rotate', '--config', config)).to.include({ code: 0 });
    expect(facegate('keys', 'rotate', '--config', config)).to.include({ code: 0 });
    expect(facegate('keys', 'rotate', '--cookie', '--config', config)).to.include({ code: 0 });
    const lines = facegate('keys', 'list', '--config', config).out.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('signing'))).to.have.length(4);
    expect(lines.filter((l) => l.includes('(signs)')).map((l) => l.split(/\s+/).slice(0, 2).join(' '))).to.have.members(
      ['signing RS256', 'signing ES256', 'cookie HS256'],
    );
  });

  it('a bad configuration is one line on stderr and exit code 1', () => {
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, JSON.stringify({ storage: { type: 'sqlite', file: 'x', extra: 1 } }));
    const run = facegate('keys', 'list', '--config', bad);
    expect(run.code).to.equal(1);
    expect(run.err.trim().split('\n')).to.have.length(1);
    expect(run.err).to.include('unknown key "extra"');
  });

  it('usage errors exit with 2', () => {
    expect(facegate('accounts', 'frobnicate').code).to.equal(2);
    expect(facegate('keys', 'list', '--bogus').code).to.equal(2);
  });

  it("COMMAND --help prints that command's usage on stdout with exit code 0, for every command", () => {
    const commands = facegate('--help')
      .out.split('\n')
      .filter((line) => /^ {2}\S/.test(line))
      .map((line) => line.trim().split(/\s+/)[0]);
    expect(commands).to.include.members([
      'start',
      'serve',
      'keys',
      'accounts',
      'enroll',
      'docs-config',
      'eval',
      'bench',
    ]);
    for (const command of commands) {
      const help = facegate(command, '--help');
      expect(help.code, `facegate ${command} --help: ${help.err}`).to.equal(0);
      expect(help.out, command).to.match(new RegExp(`^usage: facegate ${command}\\b`));
    }
    // Wherever it stands, with whatever else is given.
    expect(facegate('keys', 'rotate', '--cookie', '-h')).to.include({ code: 0 });
    expect(facegate('accounts', 'add', 'x', '--help').out).to.include('facegate accounts remove ID');
  });

  it("--version prints the package's version", () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(facegate('--version')).to.deep.equal({ code: 0, out: `facegate ${version}\n`, err: '' });
  });
});

describe('facegate enroll and invite (command line)', function () {
  this.timeout(120_000);
  const folder = temporaryFolder();
  const config = join(folder, 'facegate.config.json');
  writeFileSync(config, JSON.stringify({ storage: { type: 'sqlite', file: 'enroll.sqlite' }, face: { workers: 1 } }));
  const photo = (name: string, bytes: Buffer) => {
    const file = join(folder, name);
    writeFileSync(file, bytes);
    return file;
  };

  /** Where the operator says this person gave their consent (the configuration asks for it by default). */
  const consented = ['--consent-recorded-by', 'signed paper form, front desk'];

  it('enroll needs the account to exist, and says how to create it', () => {
    const run = facegate('enroll', 'dora', 'whatever.jpg', ...consented, '--config', config);
    expect(run.code).to.equal(1);
    expect(run.err).to.include('facegate accounts add dora');
  });

  it('enroll without --consent-recorded-by is refused, saying what to pass, before any photo is read', () => {
    const run = facegate('enroll', 'dora', 'whatever.jpg', '--config', config);
    expect(run.code).to.equal(1);
    expect(run.err).to.include('--consent-recorded-by "').and.include('consent.required');
    expect(
      facegate('enroll', 'dora', 'whatever.jpg', '--consent-recorded-by', '  ', '--config', config).err,
    ).to.include('--consent-recorded-by "');
  });

  it('enrolls from photos, adding or with --replace replacing; a group photo is refused and nothing stored', async () => {
    expect(facegate('accounts', 'add', 'dora', '--name', 'Dora', '--config', config).code).to.equal(0);
    const one = photo('dora-1.jpg', await portrait(0));
    const two = photo('dora-2.png', await variants.rescaled(await portrait(0)));
    const group = photo('group.jpg', demoPhoto('sample3.jpg'));

    const refused = facegate('enroll', 'dora', one, group, ...consented, '--config', config);
    expect(refused.code).to.equal(1);
    expect(refused.err).to.include('group.jpg').and.include('several_faces').and.include('nothing was stored');

    expect(facegate('enroll', 'dora', one, two, ...consented, '--config', config)).to.include({ code: 0 });
    expect(facegate('enroll', 'dora', one, ...consented, '--config', config)).to.include({ code: 0 });
    const templates = async () => {
      const store = await openStore({ type: 'sqlite', file: join(folder, 'enroll.sqlite') });
      try {
        return (await store.templates.listForAccount('dora')).length;
      } finally {
        await store.close();
      }
    };
    expect(await templates()).to.equal(3);
    // Another person's photo is not added to dora's face; --replace is the explicit way.
    const stranger = photo('stranger.jpg', await portrait(1));
    const added = facegate('enroll', 'dora', stranger, ...consented, '--config', config);
    expect(added.code).to.equal(1);
    expect(added.err).to.include('not_account_holder').and.include('--replace').and.include('nothing was stored');
    expect(await templates()).to.equal(3);
    expect(facegate('enroll', 'dora', two, '--replace', ...consented, '--config', config)).to.include({ code: 0 });
    expect(await templates()).to.equal(1);
    const store = await openStore({ type: 'sqlite', file: join(folder, 'enroll.sqlite') });
    try {
      const changes = (await store.audit.recent(10))
        .filter((e) => e.type === 'account')
        .map((e) => [e.result, e.detail.templates ?? null]);
      expect(changes).to.deep.equal([
        ['templates_replaced', 1],
        ['templates_added', 1],
        ['templates_added', 2],
        ['created', null],
      ]);
      // Each enrolment recorded the operator's statement with the policy version.
      const consents = await store.consents.list('dora');
      expect(consents.map((c) => [c.method, c.version, c.recordedBy])).to.deep.equal(
        Array(3).fill(['operator', '1', 'signed paper form, front desk']),
      );
    } finally {
      await store.close();
    }
  });

  it('invite prints a one-time enrolment link on stdout', () => {
    const run = facegate('invite', 'erin', '--name', 'Erin', '--ttl', '15m', '--config', config);
    expect(run.code).to.equal(0);
    expect(run.out.trim()).to.match(/^http:\/\/localhost:3000\/enroll\/[A-Za-z0-9_-]{43}$/);
    expect(run.err).to.include('valid until');
    expect(facegate('invite', 'erin', '--ttl', 'soon', '--config', config).code).to.equal(2);
  });
});

describe('facegate serve: a face engine that cannot start', function () {
  this.timeout(60_000);
  it('is one line on stderr naming the setting and what to do, and exit code 1', () => {
    const folder = temporaryFolder();
    const config = join(folder, 'facegate.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        port: 0,
        storage: { type: 'sqlite', file: 'serve.sqlite' },
        face: {
          workers: 1,
          embedder: {
            id: 'mine',
            file: 'no-such-model.onnx',
            inputSize: 112,
            layout: 'NCHW',
            colorOrder: 'RGB',
            mean: [127.5, 127.5, 127.5],
            scale: 0.0078125,
            alignment: { template: 'arcface' },
            metric: 'cosine',
          },
        },
      }),
    );
    const run = facegate('serve', '--config', config);
    expect(run.code).to.equal(1);
    const lines = run.err
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('oidc-provider WARNING'));
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/face\.embedder\.file: no such file .*no-such-model\.onnx: put your ONNX model there/);
  });
});
