import { expect } from 'chai';
import { main } from '../src/cli/main.js';

describe('facegate CLI', () => {
  it('refuses an unknown command with exit code 2', async () => {
    expect(await main(['no-such-command'])).to.equal(2);
  });
});
