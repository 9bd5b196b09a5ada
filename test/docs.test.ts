import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { configurationReference } from '../src/config/reference.js';

describe('README', () => {
  it('its configuration reference is the one the JSON Schema gives (npm run docs:config)', () => {
    expect(readFileSync('README.md', 'utf8')).to.contain(configurationReference());
  });
});
