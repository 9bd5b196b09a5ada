import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './support/free-port.js';
import { temporaryFolder } from './helpers/stores.js';
import { facegateProcess } from './helpers/facegate-process.js';

/**
 * Issue 11, finding 8: an enrolment link is a credential. `facegate serve` runs as a service, its
 * output goes to journald or container logs: with no account yet it says so and names the command
 * that mints a link, and prints no link. (`facegate start`, the interactive demo, prints one:
 * test/start.test.ts.)
 */
describe('facegate serve with no account yet', function () {
  this.timeout(60_000);

  it('logs that no account exists and names `facegate invite owner`, and prints no enrolment link', async () => {
    const folder = temporaryFolder();
    const port = await freePort();
    const file = join(folder, 'facegate.config.json');
    writeFileSync(
      file,
      JSON.stringify({
        issuer: `http://localhost:${port}`,
        port,
        storage: { type: 'sqlite', file: 'first.sqlite' },
        face: { workers: 1 },
      }),
    );
    const { child, exited, output: written } = facegateProcess(['serve', '--config', file]);
    // Until it has said what it says once started (a notice, or a link), or 30 s.
    for (let waited = 0; waited < 30_000 && !/no account|\/enroll\//.test(written()); waited += 100) {
      await sleep(100);
    }
    child.kill('SIGTERM');
    expect(await exited).to.equal(0);
    const output = written();
    expect(output).to.include('facegate is serving');
    expect(output).to.not.include('/enroll/');
    const notice = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string })
      .find((line) => line.msg.includes('no account'));
    expect(notice, output).to.not.equal(undefined);
    expect(notice!.msg).to.include('facegate invite owner');
  });
});
