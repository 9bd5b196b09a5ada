import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it with apt); playwright-core downloads no browser. */
export const chromiumPath = '/usr/bin/chromium';
export const chromiumMissing = `browser tests skipped: no ${chromiumPath} (install it: apt-get install -y chromium)`;

/** The launch flags DESIGN.md settled on: headless, no sandbox as root, nothing that phones home. */
export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Chromium, or the test (or suite) is skipped, saying why. */
export async function chromiumOrSkip(context: Mocha.Context, extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    console.warn(`      ${chromiumMissing}`);
    context.skip();
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs, ...extraArgs] });
}
