import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it with apt); playwright-core downloads no browser. */
export const chromiumPath = '/usr/bin/chromium';
export const chromiumMissing = `browser tests skipped: no ${chromiumPath} (install it: apt-get install -y chromium)`;

/**
 * Headless without a GPU; no sandbox, which Chromium cannot set up when run as root in a container;
 * and nothing that phones home (QUIC, background networking, component updates, sync), since the
 * tests must not reach the internet.
 */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium with those flags, and `extraArgs`. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs, ...extraArgs] });
}
