import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { pino } from 'pino';
import { openStore } from '../adapters/open.js';
import { startTestFacegate } from './support/facegate.js';
import { temporaryFolder } from './helpers/stores.js';

/**
 * Issue 11, finding 2: the SQLite store holds the private signing keys, the cookie keys, the
 * embeddings and the audit trail. Whatever the umask, its folder is made 0700 and its files
 * 0600, by the server and by every command; a file left readable by others is warned about.
 */
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('the SQLite store is private to its owner', function () {
  this.timeout(120_000);

  it('a command run under umask 000 makes the folder 0700 and the file 0600', () => {
    const folder = temporaryFolder();
    const config = join(folder, 'facegate.config.json');
    writeFileSync(config, JSON.stringify({ storage: { type: 'sqlite', file: 'data/store/facegate.sqlite' } }));
    const run = spawnSync(
      'sh',
      ['-c', `umask 000 && exec "${process.execPath}" bin/facegate.js keys rotate --config "${config}"`],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).to.equal(0);
    expect(mode(join(folder, 'data'))).to.equal('700');
    expect(mode(join(folder, 'data', 'store'))).to.equal('700');
    expect(mode(join(folder, 'data', 'store', 'facegate.sqlite'))).to.equal('600');
  });

  it('the server under umask 000: the file and its -wal and -shm are 0600 while it runs', async () => {
    const file = join(temporaryFolder(), 'served', 'facegate.sqlite');
    const before = process.umask(0);
    let facegate;
    try {
      facegate = await startTestFacegate({ type: 'sqlite', file });
      await facegate.store.accounts.upsert({ id: 'alice' });
      for (const path of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(path), path).to.equal(true);
        expect(mode(path), path).to.equal('600');
      }
      expect(mode(join(file, '..'))).to.equal('700');
    } finally {
      process.umask(before);
      await facegate?.close();
    }
  });

  it('an existing file readable by others is warned about at start, with the fix', async () => {
    const file = join(temporaryFolder(), 'facegate.sqlite');
    await (await openStore({ type: 'sqlite', file })).close();
    chmodSync(file, 0o644);
    const lines: string[] = [];
    const logger = pino<never>(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const facegate = await startTestFacegate({ type: 'sqlite', file }, undefined, {}, { logger });
    await facegate.close();
    const warnings = lines
      .map((line) => JSON.parse(line) as { level: number; msg: string; files?: string[] })
      .filter((line) => line.level === 40);
    const warning = warnings.find((line) => line.files?.includes(file));
    expect(warning, lines.join('')).to.not.equal(undefined);
    expect(warning!.msg).to.include('chmod 600');
  });
});
