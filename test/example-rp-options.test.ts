import { expect } from 'chai';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReason } from '../example-rp/server/ensure-built.js';
import { exampleRpOptions, OptionError } from '../example-rp/server/options.js';
import { temporaryFolder } from './helpers/stores.js';

describe('example RP options', () => {
  it('defaults to the repository configuration: facegate on :3000, client example-rp on :3001', () => {
    expect(exampleRpOptions([], {})).to.deep.equal({
      authority: 'http://localhost:3000',
      clientId: 'example-rp',
      port: 3001,
      host: 'localhost',
    });
  });

  it('takes flags over environment variables, and an issuer from a discovery URL', () => {
    const env = {
      FACEGATE_RP_AUTHORITY: 'https://env.example',
      FACEGATE_RP_CLIENT_ID: 'env-spa',
      FACEGATE_RP_PORT: '5000',
    };
    expect(exampleRpOptions([], env)).to.include({ authority: 'https://env.example', clientId: 'env-spa', port: 5000 });
    const flags = [
      '--authority',
      'https://id.example/tenant/.well-known/openid-configuration',
      '--client-id',
      'flag-spa',
      '--port',
      '5001',
    ];
    expect(exampleRpOptions(flags, env)).to.include({
      authority: 'https://id.example/tenant',
      clientId: 'flag-spa',
      port: 5001,
    });
  });

  it('refuses what cannot work, saying which option to fix', () => {
    expect(() => exampleRpOptions(['--authority', 'id.example'], {})).to.throw(OptionError, '--authority');
    expect(() => exampleRpOptions(['--port', 'http'], {})).to.throw(OptionError, 'not a port number');
    expect(() => exampleRpOptions(['--client-id', ''], {})).to.throw(OptionError, '--client-id');
    expect(() => exampleRpOptions(['--colour'], {})).to.throw(OptionError, 'usage');
  });
});

describe('example RP build check', () => {
  const folder = temporaryFolder();
  mkdirSync(join(folder, 'src'));
  writeFileSync(join(folder, 'index.html'), '<!doctype html>');
  writeFileSync(join(folder, 'src', 'main.ts'), '');
  const setTime = (path: string, seconds: number) => utimesSync(join(folder, path), seconds, seconds);

  it('is missing without dist/index.html, stale when a source is newer, fresh otherwise', () => {
    expect(buildReason(folder)).to.equal('missing');
    mkdirSync(join(folder, 'dist'));
    writeFileSync(join(folder, 'dist', 'index.html'), '');
    for (const path of ['index.html', 'src', 'src/main.ts']) setTime(path, 1_000);
    setTime('dist/index.html', 2_000);
    expect(buildReason(folder)).to.equal(undefined);
    setTime('src/main.ts', 3_000);
    expect(buildReason(folder)).to.equal('stale');
  });
});
