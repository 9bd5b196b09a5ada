import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const supported = major > 22 || (major === 22 && minor >= 12);

/**
 * Node 22.12 or later is what facegate asks for (Node 20 reached its end of life in April 2026, and
 * oidc-provider 9 warns on it at every start). CI runs the suite on the machine's Node and on Node 22
 * from the npm registry (.ci/node22).
 */
describe('the Node.js runtime', () => {
  it('package.json asks for Node 22.12 or later', () => {
    const { engines } = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    expect(engines.node).to.equal('>=22.12');
  });

  it(`on a supported Node, oidc-provider loads without its "Unsupported runtime" warning (this is ${process.version})`, function () {
    if (!supported) {
      console.warn(
        `      skipped: Node ${process.version} is older than 22.12 (.ci/run runs the suite on Node 22 too)`,
      );
      this.skip();
    }
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('oidc-provider')"], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stderr).to.not.include('Unsupported runtime');
  });
});
