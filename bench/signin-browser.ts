/**
 * Face sign-in in headless Chromium with a fake webcam, end to end, against facegate in this
 * process (SQLite, production face settings: 2 workers, a queue of 16):
 *   (a) the time from clicking "Verify my identity" to the browser's request for the RP's
 *       callback, over N sign-ins one after another (median, p95);
 *   (b) the server's time per attempt, from the Server-Timing header of POST /face (p50, p95);
 *   (c) C sign-ins at once (C pages clicking together): how many reached the RP, and what the
 *       face engine's queue did meanwhile;
 *   (d) the same from C HTTP clients posting the frame through real interactions, without
 *       Chromium taking CPU from the server (browser and server share this machine in (c)).
 * The person is a face from the photos @vladmandic/face-api ships, enrolled over HTTP first;
 * each sign-in is a code + PKCE authorization by openid-client whose code is then exchanged.
 *
 *   npm run bench:signin [-- --runs 20 --concurrent 10]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createLogger } from '../src/server/logger.js';
import { createInvitation } from '../src/access/invitations.js';
import { startFacegate, type Facegate } from '../src/server/facegate.js';
import { demoPortrait as portrait } from '../src/eval/demo-faces.js';
import { variants, webcamFrame } from '../src/eval/webcam-frame.js';
import { Browser } from '../test/support/browser.js';
import { FaceBrowsers, sentToCallback } from '../test/support/face-browsers.js';
import { pressVerify } from '../test/support/face-pages.js';
import { testConfig } from '../test/support/facegate.js';
import { fakeWebcamMissing, Webcams } from '../test/support/fake-webcam.js';
import { freePort } from '../test/support/free-port.js';
import { percentile } from '../src/eval/percentile.js';
import { startAuthorization } from '../test/support/test-rp.js';
import { parseServerTiming } from './server-timing.js';

interface SignIn {
  /** Click on "Verify my identity" to the request for the callback, in ms. */
  clickToCallback: number;
  /** Click to the POST /face request (the page takes the frame and encodes it), in ms. */
  capture: number;
  /** The last POST /face answer to the callback request (the redirects through the provider), in ms. */
  redirects: number;
  /** Server-Timing of the POST /face answers, in ms per stage. */
  serverTimings: Record<string, number>[];
  /** Status codes of the POST /face answers (more than one when the page retried a 503). */
  statuses: number[];
  sub: string | undefined;
}

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '20' }, concurrent: { type: 'string', default: '10' } },
});
const runs = Number(values.runs);
const concurrent = Number(values.concurrent);

const missing = fakeWebcamMissing();
if (missing) {
  console.error(missing.replace(/^fake-webcam tests skipped/, 'bench:signin cannot run'));
  process.exit(1);
}

const folder = mkdtempSync(join(tmpdir(), 'facegate-bench-signin-'));
const port = await freePort();
// Production face settings (the default workers), but one frame per attempt: a liveness burst needs a
// person really turning their head, which a still photo on a fake webcam cannot do (bench:load does the same).
const config = testConfig({ type: 'sqlite', file: join(folder, 'facegate.sqlite') }, port, {
  face: { liveness: 'off' },
});
// Logging as in production (info, a line per request and per audit event), written to /dev/null.
const facegate = await startFacegate(config, { logger: createLogger('info', pino.destination('/dev/null')) });
const webcams = new Webcams(folder);
try {
  await enrollAlice(facegate);
  const cameras = { alice: async () => webcamFrame(await variants.flipped(await portrait(0)), 300) };
  const browsers = new FaceBrowsers(webcams, new URL(facegate.issuer), cameras);
  console.log(
    `facegate ${facegate.issuer}: SQLite, ${facegate.face.engine.stats().workers} face workers, queue ${facegate.face.engine.stats().queueLength}; Chromium headless, fake webcam`,
  );
  console.log(
    `machine: ${availableParallelism()} CPUs, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (other processes share these CPUs: compare runs at similar load)`,
  );

  const warmUp = await signIn(await browsers.signInPage('alice'));
  console.log(`warm-up sign-in: ${ms(warmUp.clickToCallback)} click to callback`);

  const sequential: SignIn[] = [];
  for (let i = 0; i < runs; i++) sequential.push(await signIn(await browsers.signInPage('alice')));
  report(`(a)+(b) ${runs} sign-ins one after another`, sequential);

  const pages = await Promise.all(
    Array.from({ length: concurrent }, async () => instrument(await browsers.signInPage('alice'))),
  );
  const inBrowsers = await atOnce(facegate, pages);
  report(`(c) ${concurrent} sign-ins at once, in ${concurrent} pages of the browser`, inBrowsers.done);
  reportAtOnce(inBrowsers);
  if (browsers.pageErrors.length > 0) console.log(`  page errors: ${browsers.pageErrors.join('; ')}`);

  const frame = await cameras.alice();
  const clients = await Promise.all(
    Array.from({ length: concurrent }, () => httpClient(new URL(facegate.issuer), frame)),
  );
  const overHttp = await atOnce(facegate, clients);
  report(
    `(d) ${concurrent} sign-ins at once from ${concurrent} HTTP clients posting the same frame (no browser sharing the CPUs)`,
    overHttp.done,
    'POST /face to RP callback',
  );
  reportAtOnce(overHttp);
  const failed = inBrowsers.failed + overHttp.failed;
  process.exitCode = failed === 0 ? 0 : 1;
} finally {
  await webcams.close();
  await facegate.close();
  rmSync(folder, { recursive: true, force: true });
}

/** Alice's three enrolment frames, posted to her invitation link as the enrolment page does. */
async function enrollAlice(server: Facegate): Promise<void> {
  const { link } = await createInvitation(server.store.invitations, server.issuer, {
    accountId: 'alice',
    profile: { name: 'Alice' },
    ttlSeconds: 600,
  });
  const face = await portrait(0);
  const body = new FormData();
  for (const height of [360, 330, 380])
    body.append(
      'frame',
      new Blob([new Uint8Array(await webcamFrame(face, height))], { type: 'image/jpeg' }),
      'frame.jpg',
    );
  const answer = (await (await fetch(link, { method: 'POST', body })).json()) as { status: string };
  if (answer.status !== 'enrolled') throw new Error(`enrolment failed: ${JSON.stringify(answer)}`);
}

type OpenedSignIn = Awaited<ReturnType<FaceBrowsers<'alice'>['signInPage']>>;

/**
 * Watches an opened sign-in page (its POST /face answers, the click as the page sees it, the
 * request for the callback); `go` clicks "Verify my identity", follows it to the RP, exchanges
 * the code, closes the page. Set up before the clicks, so that clicks meant together are together.
 */
async function instrument({ page, rp }: OpenedSignIn): Promise<{ go(): Promise<SignIn> }> {
  const serverTimings: Record<string, number>[] = [];
  const statuses: number[] = [];
  let posted = NaN;
  let answered = NaN;
  const isFace = (url: string) => /\/interaction\/[^/]+\/face$/.test(new URL(url).pathname);
  page.on('request', (request) => {
    if (isFace(request.url()) && Number.isNaN(posted)) posted = Date.now();
  });
  page.on('response', (response) => {
    if (!isFace(response.url())) return;
    answered = Date.now();
    statuses.push(response.status());
    serverTimings.push(parseServerTiming(response.headers()['server-timing'] ?? ''));
  });
  // The click as the page sees it (its clock is the same wall clock), not when Playwright starts clicking.
  let clicked = NaN;
  await page.exposeFunction('benchClicked', (at: number) => {
    clicked = at;
  });
  await page.evaluate(
    "document.getElementById('verify').addEventListener('click', () => benchClicked(performance.timeOrigin + performance.now()), { capture: true, once: true })",
  );
  return {
    async go() {
      try {
        const back = sentToCallback(page);
        await pressVerify(page);
        const callback = await back;
        const arrived = Date.now();
        const sub = callback.searchParams.has('code') ? (await rp.tokens(callback)).claims()?.sub : undefined;
        return {
          clickToCallback: arrived - clicked,
          capture: posted - clicked,
          redirects: arrived - answered,
          serverTimings,
          statuses,
          sub,
        };
      } finally {
        await page.context().close();
      }
    },
  };
}

async function signIn(opened: OpenedSignIn): Promise<SignIn> {
  return (await instrument(opened)).go();
}

/** Starts every sign-in at once and waits for all, watching the face engine's queue meanwhile. */
async function atOnce(server: Facegate, starts: { go(): Promise<SignIn> }[]) {
  const queue = watchQueue(server);
  const started = performance.now();
  const results = await Promise.all(starts.map((start) => start.go().catch((error: Error) => error)));
  const wall = performance.now() - started;
  const done = results.filter((result): result is SignIn => !(result instanceof Error));
  const errors = results.filter((result): result is Error => result instanceof Error);
  const failed =
    results.length - done.filter((result) => result.sub === 'alice' && result.statuses.every((s) => s === 200)).length;
  return { total: results.length, done, errors, failed, wall, queue: queue.stop() };
}

function reportAtOnce({ total, done, errors, failed, wall, queue }: Awaited<ReturnType<typeof atOnce>>): void {
  console.log(
    `  reached the RP as alice: ${done.filter((r) => r.sub === 'alice').length}/${total}; failed: ${failed}; busy (503) answers: ${done.flatMap((r) => r.statuses).filter((s) => s === 503).length}`,
  );
  console.log(
    `  all ${total} done in ${ms(wall)}; face engine queue: at most ${queue.busy} busy workers and ${queue.queued} images waiting (limit ${queue.queueLength})`,
  );
  for (const error of errors) console.log(`  error: ${error.message}`);
}

/**
 * A sign-in without a browser: a real authorization (openid-client) walked to the face page by an
 * HTTP client with a cookie jar; `go` posts the frame, follows the redirects and exchanges the code.
 */
async function httpClient(issuer: URL, frame: Buffer): Promise<{ go(): Promise<SignIn> }> {
  const rp = await startAuthorization(issuer);
  const agent = new Browser(issuer.origin);
  const { url: facePage } = await agent.navigate(rp.url);
  return {
    async go() {
      const posted = Date.now();
      const answer = await agent.json(`${facePage.pathname}/face`, {
        method: 'POST',
        body: new Uint8Array(frame),
        contentType: 'image/jpeg',
      });
      const answered = Date.now();
      const serverTimings = [parseServerTiming(answer.headers.get('server-timing') ?? '')];
      if (answer.body.status !== 'accepted')
        return {
          clickToCallback: NaN,
          capture: 0,
          redirects: NaN,
          serverTimings,
          statuses: [answer.status],
          sub: undefined,
        };
      const { url: callback } = await agent.navigate(String(answer.body.redirectTo));
      const arrived = Date.now();
      const sub = (await rp.tokens(callback)).claims()?.sub;
      return {
        clickToCallback: arrived - posted,
        capture: 0,
        redirects: arrived - answered,
        serverTimings,
        statuses: [answer.status],
        sub,
      };
    },
  };
}

/** Samples the face engine's queue every few milliseconds until stopped; the largest values seen. */
function watchQueue(server: Facegate) {
  const seen = { busy: 0, queued: 0, queueLength: server.face.engine.stats().queueLength };
  const timer = setInterval(() => {
    const stats = server.face.engine.stats();
    seen.busy = Math.max(seen.busy, stats.busy);
    seen.queued = Math.max(seen.queued, stats.queued);
  }, 2);
  return {
    stop: () => {
      clearInterval(timer);
      return seen;
    },
  };
}

function report(title: string, results: SignIn[], span = 'click "Verify my identity" to RP callback'): void {
  const click = results.map((r) => r.clickToCallback);
  const timings = results.flatMap((r) => r.serverTimings);
  const stage = (name: string) => timings.map((t) => t[name]).filter((x): x is number => x !== undefined);
  console.log(title);
  console.log(
    `  ${span}: median ${ms(percentile(click, 0.5))}, p95 ${ms(percentile(click, 0.95))}, min ${ms(Math.min(...click))}, max ${ms(Math.max(...click))}`,
  );
  const taken = results.some((r) => r.capture > 0)
    ? `frame taken and posted ${ms(
        percentile(
          results.map((r) => r.capture),
          0.5,
        ),
      )}; `
    : '';
  console.log(
    `    median: ${taken}answer to callback (redirects) ${ms(
      percentile(
        results.map((r) => r.redirects),
        0.5,
      ),
    )}`,
  );
  console.log(
    `  server time per attempt (Server-Timing total, ${timings.length} attempts): p50 ${ms(percentile(stage('total'), 0.5))}, p95 ${ms(percentile(stage('total'), 0.95))}`,
  );
  console.log(
    `    stages p50: ${['read', 'face', 'finish'].map((name) => `${name} ${ms(percentile(stage(name), 0.5))}`).join(', ')}`,
  );
}

function ms(x: number): string {
  return `${x.toFixed(x < 10 ? 1 : 0)} ms`;
}
