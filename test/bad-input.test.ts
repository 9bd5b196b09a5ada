/**
 * The bad-input battery (issue 7): one running server (SQLite), two tables of requests it should
 * refuse (the snapshot endpoint; the protocol), each with the status, the error code and a message
 * that tells the person what to do; after every case, the server still answers /healthz.
 */
import { expect } from 'chai';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import { pngDeclaring } from './support/png-header.js';
import { decodeImage } from '../src/face/image.js';
import { faceLivenessAcr } from '../src/oidc/acr.js';
import { createInvitation } from '../src/access/invitations.js';
import { Browser } from './support/browser.js';
import { callback, startTestFacegate, type TestFacegate } from './support/facegate.js';
import { portrait, webcamFrame } from './helpers/face-fixtures.js';
import { CONSENT, framesOf, multipart } from './helpers/face-uploads.js';
import { temporaryFolder } from './helpers/stores.js';
import { streamUpload } from './helpers/stream-upload.js';

/** What came back, whatever its form: JSON from an endpoint, an error page, or a redirect to the RP. */
interface Answer {
  status: number;
  /** The error code: JSON `error`, the error page's code, or the RP's `error` parameter. */
  error?: string;
  /** What the person reads: JSON `message`, or the error page's text. */
  message?: string;
  location?: string | null;
  body?: Record<string, unknown>;
  sentBytes?: number;
}

interface Case {
  name: string;
  request(): Promise<Answer>;
  status: number | number[];
  /** The error code expected; absent when the answer is a success. */
  error?: string;
  /**
   * Who reads the message: a person (a sentence with something to do: the default), the RP's
   * developer (OAuth's error_description, as oidc-provider words it), or nobody (a success, or a
   * status from Node's HTTP parser, which has no body).
   */
  reader?: 'person' | 'developer' | 'nobody';
  /** More to check on this case's answer. */
  then?(answer: Answer): Promise<void> | void;
}

const MB = 1024 * 1024;

/** A message a person can act on: a sentence, with something to do in it. */
function expectInstruction(message: string | undefined): void {
  expect(message, 'message')
    .to.be.a('string')
    .and.match(/^[A-Z][\s\S]{15,}[.!]$/);
  expect(message).to.match(/\b(send|take|try|start|go back|sign in|face|come|wait|use|ask)\b/i);
}

/** The error page's code and its text (the lead paragraph and what to do). */
async function pageAnswer(response: Response): Promise<Answer> {
  const html = await response.text();
  const text = [...html.matchAll(/<(?:h1|p)[^>]*>([^<]+)<\/(?:h1|p)>/g)]
    .map((m) => m[1].replace(/&#39;|&quot;/g, "'"))
    .join(' ');
  return {
    status: response.status,
    error: /<code>([^<]+)<\/code>/.exec(html)?.[1],
    message: text || undefined,
    location: response.headers.get('location'),
  };
}

describe('bad input: the battery of issue 7 (SQLite)', function () {
  this.timeout(300_000);
  let facegate: TestFacegate;
  let issuer: URL;

  before(async () => {
    facegate = await startTestFacegate(
      { type: 'sqlite', file: join(temporaryFolder(), 'bad-input.sqlite') },
      undefined,
      {
        face: {
          workers: 1,
          liveness: 'off',
          attempts: { perInteraction: 5, perIp: { max: 1000, windowSeconds: 900 } },
        },
      },
    );
    issuer = new URL(facegate.issuer);
    // Alice is enrolled with her face, as a person would be (an invitation and three frames).
    const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
      accountId: 'alice',
      profile: { name: 'Alice' },
      ttlSeconds: 600,
    });
    const enrolled = await new Browser(issuer.origin).json(link, {
      method: 'POST',
      body: multipart(await framesOf(0), CONSENT),
    });
    expect(enrolled.body, JSON.stringify(enrolled.body)).to.include({ status: 'enrolled' });
  });
  after(async () => {
    await facegate?.close();
  });

  /** The authorization URL of client spa (code + PKCE), and its verifier. */
  function authorization(params: Record<string, string> = {}) {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const url = new URL('/auth', issuer);
    url.search = new URLSearchParams({
      client_id: 'spa',
      response_type: 'code',
      redirect_uri: callback,
      scope: 'openid',
      state: 'st',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...params,
    }).toString();
    return { url, verifier };
  }

  /** A browser on the face page of a new sign-in. */
  async function facePage(params: Record<string, string> = {}) {
    const browser = new Browser(issuer.origin);
    const { url: page } = await browser.navigate(authorization(params).url);
    expect(page.pathname).to.match(/^\/interaction\/[^/]+$/);
    return { browser, page };
  }

  /** A JSON answer as the battery compares it. */
  const answerOf = (answer: { status: number; body: Record<string, unknown> }): Answer => ({
    status: answer.status,
    error: answer.body.error as string | undefined,
    message: answer.body.message as string | undefined,
    body: answer.body,
  });

  /** Posts one body to a new sign-in's face endpoint, as the page's script would. */
  const snapshot = (body: () => Promise<RequestInit['body']>, contentType?: string) => async (): Promise<Answer> => {
    const { browser, page } = await facePage();
    const answer = await browser.json(`${page.pathname}/face`, { method: 'POST', body: await body(), contentType });
    return answerOf(answer);
  };

  /** Streams chunks to a new sign-in's face endpoint; `params` start the sign-in, `prepare` may ask for a challenge first. */
  const streamed =
    (contentType: string, chunks: (challenge?: string) => Iterable<Buffer>, params: Record<string, string> = {}) =>
    async (): Promise<Answer> => {
      const { browser, page } = await facePage(params);
      const challenge = params.acr_values
        ? ((await browser.json(`${page.pathname}/challenge`, { method: 'POST' })).body.challenge as string)
        : undefined;
      const url = new URL(`${page.pathname}/face`, issuer);
      const answer = await streamUpload(
        url,
        { cookie: browser.cookieHeader(url), accept: 'application/json', 'content-type': contentType },
        chunks(challenge),
      );
      const body = JSON.parse(answer.body) as Record<string, unknown>;
      return {
        status: answer.status,
        error: body.error as string,
        message: body.message as string,
        body,
        sentBytes: answer.sentBytes,
      };
    };

  const aliceFrame = async () => webcamFrame(await portrait(0));
  /** Alice's frame stored on its side (turned 270°), tagged with EXIF orientation 6 (turn 90° clockwise to show). */
  const sideways6 = async () =>
    sharp(await aliceFrame())
      .rotate(270)
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
  const accepted = (answer: Answer) => {
    expect(answer.body, JSON.stringify(answer.body)).to.include({ status: 'accepted' });
  };

  function* zeros(total: number, chunk = 64 * 1024): Iterable<Buffer> {
    const piece = Buffer.alloc(chunk);
    for (let sent = 0; sent < total; sent += chunk) yield piece;
  }

  /** A liveness burst of `count` frames (the same small JPEG), with its challenge, as a streamed multipart body. */
  const BOUNDARY = 'facegate-battery-boundary';
  function* burst(count: number, frame: Buffer, challenge = ''): Iterable<Buffer> {
    yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="challenge"\r\n\r\n${challenge}\r\n`);
    for (let i = 0; i < count; i++) {
      yield Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="frame"; filename="frame-${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      );
      yield frame;
      yield Buffer.from('\r\n');
    }
    yield Buffer.from(`--${BOUNDARY}--\r\n`);
  }
  let burstFrame: Buffer;
  before(async () => {
    burstFrame = await aliceFrame();
  });

  const snapshotCases: Case[] = [
    {
      name: 'empty body',
      request: snapshot(async () => Buffer.alloc(0), 'image/jpeg'),
      status: 400,
      error: 'empty_body',
    },
    {
      name: 'a JPEG sent as application/json',
      request: snapshot(aliceFrame, 'application/json'),
      status: 415,
      error: 'unsupported_media_type',
    },
    {
      name: 'a text file sent as image/jpeg',
      request: snapshot(async () => Buffer.from('Dear diary, today I signed in with my face.\n'), 'image/jpeg'),
      status: 400,
      error: 'not_an_image',
    },
    {
      name: 'a truncated JPEG',
      request: snapshot(async () => {
        const jpeg = await aliceFrame();
        return jpeg.subarray(0, jpeg.length / 2);
      }, 'image/jpeg'),
      status: 400,
      error: 'not_an_image',
    },
    {
      name: 'a PNG whose header declares 30000x30000 (decompression bomb)',
      request: snapshot(async () => pngDeclaring(30_000, 30_000), 'image/png'),
      status: 413,
      error: 'image_too_large',
    },
    {
      name: 'a 50 MB body streamed without Content-Length: refused early',
      request: streamed('image/jpeg', () => zeros(50 * MB)),
      status: 413,
      error: 'body_too_large',
      then: (answer) => {
        expect(answer.sentBytes).to.be.below(25 * MB);
      },
    },
    {
      name: 'an animated GIF (as a multipart frame)',
      request: snapshot(async () => {
        // Two different pages (the encoder folds identical ones into one).
        const page = await sharp(await aliceFrame())
          .resize(160, 120)
          .png()
          .toBuffer();
        const mirrored = await sharp(page).flop().png().toBuffer();
        const gif = await sharp([page, mirrored], { join: { animated: true } })
          .gif()
          .toBuffer();
        expect((await sharp(gif).metadata()).pages).to.equal(2);
        const form = new FormData();
        form.append('frame', new Blob([gif], { type: 'image/gif' }), 'frame.gif');
        return form;
      }),
      status: 415,
      error: 'unsupported_format',
    },
    {
      name: 'an SVG sent as image/png',
      request: snapshot(
        async () =>
          Buffer.from(
            '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><circle cx="320" cy="240" r="100"/></svg>',
          ),
        'image/png',
      ),
      status: 415,
      error: 'unsupported_format',
    },
    {
      name: 'a CMYK JPEG of an enrolled face: decoded, recognised',
      request: snapshot(
        async () =>
          sharp(await aliceFrame())
            .toColourspace('cmyk')
            .jpeg()
            .toBuffer(),
        'image/jpeg',
      ),
      status: 200,
      reader: 'nobody',
      then: accepted,
    },
    {
      name: 'a 16-bit PNG of an enrolled face: decoded, recognised',
      request: snapshot(
        async () =>
          sharp(await aliceFrame())
            .toColourspace('rgb16')
            .png()
            .toBuffer(),
        'image/png',
      ),
      status: 200,
      reader: 'nobody',
      then: accepted,
    },
    {
      // The face engine finds a face on its side too, so acceptance alone would not show that the
      // tag was read: the decoder must also give the upright 640x480 raster, not the stored 480x640.
      name: 'an EXIF-rotated photo (pixels on their side, orientation 6): turned upright, recognised',
      request: snapshot(async () => {
        const sideways = await sideways6();
        expect(await sharp(sideways).metadata()).to.include({ orientation: 6, width: 480, height: 640 });
        expect(await decodeImage(sideways)).to.include({ width: 640, height: 480 });
        return sideways;
      }, 'image/jpeg'),
      status: 200,
      reader: 'nobody',
      then: accepted,
    },
    {
      name: 'multipart with many parts (200 fields)',
      request: snapshot(async () => {
        const form = new FormData();
        for (let i = 0; i < 200; i++) form.append(`f${i}`, 'x');
        return form;
      }),
      status: 413,
      error: 'too_many_parts',
    },
    {
      name: 'multipart without a boundary',
      request: snapshot(
        async () => Buffer.from('--x\r\nContent-Disposition: form-data; name="frame"\r\n\r\nabc\r\n--x--\r\n'),
        'multipart/form-data',
      ),
      status: 400,
      error: 'bad_multipart',
    },
    {
      name: 'a multipart body that breaks off in a part',
      request: snapshot(
        async () =>
          Buffer.from('--b\r\nContent-Disposition: form-data; name="frame"; filename="a.jpg"\r\n\r\n\xff\xd8\xff'),
        'multipart/form-data; boundary=b',
      ),
      status: 400,
      error: 'bad_multipart',
    },
    {
      name: 'a liveness burst answering a challenge that a newer one voided',
      request: async () => {
        const { browser, page } = await facePage({ acr_values: faceLivenessAcr });
        const ask = async () => (await browser.json(`${page.pathname}/challenge`, { method: 'POST' })).body;
        const first = await ask();
        expect(await ask()).to.include({ attemptsLeft: 3 });
        const answer = await browser.json(`${page.pathname}/face`, {
          method: 'POST',
          body: multipart(await framesOf(0), { challenge: String(first.challenge) }),
        });
        return answerOf(answer);
      },
      status: 422,
      error: 'challenge_superseded',
    },
    {
      name: "a liveness burst of one frame more than its challenge's timeline: refused before any is analysed",
      request: async () => {
        const { browser, page } = await facePage({ acr_values: faceLivenessAcr });
        const { challenge, steps } = (await browser.json(`${page.pathname}/challenge`, { method: 'POST' })).body as {
          challenge: string;
          steps: { frames: number }[];
        };
        const frames = Array.from({ length: steps.reduce((n, s) => n + s.frames, 0) + 1 }, () => burstFrame);
        const answer = await browser.json(`${page.pathname}/face`, {
          method: 'POST',
          body: multipart(frames, { challenge }),
        });
        return answerOf(answer);
      },
      status: 422,
      error: 'not_live',
    },
    {
      name: 'a liveness burst of 1,000 frames: refused early',
      request: streamed(
        `multipart/form-data; boundary=${BOUNDARY}`,
        (challenge) => burst(1000, burstFrame, challenge),
        { acr_values: faceLivenessAcr },
      ),
      status: 413,
      error: 'too_many_parts',
      // 1,000 frames are tens of MB; the answer comes after the first parts too many, plus what the
      // sockets' buffers held (a few MB on loopback).
      then: (answer) => {
        expect(answer.sentBytes).to.be.below(250 * burstFrame.length);
      },
    },
  ];

  /** GET /auth with this query string, as the browser sends it: the error page, or where it is sent. */
  async function authorize(query: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(new URL(`/auth?${query}`, issuer), {
      redirect: 'manual',
      headers: { accept: 'text/html' },
      ...init,
    });
    const location = response.headers.get('location');
    if (!location) return pageAnswer(response);
    const to = new URL(location, issuer);
    const params = new URLSearchParams(to.hash.slice(1) || to.search);
    return {
      status: response.status,
      error: params.get('error') ?? undefined,
      message: params.get('error_description') ?? undefined,
      location,
    };
  }
  const query = (params: Record<string, string> = {}, drop?: string) => {
    const search = authorization(params).url.searchParams;
    if (drop) search.delete(drop);
    return search.toString();
  };
  const neverRedirects = (answer: Answer) => {
    expect(answer.location, 'Location').to.equal(null);
  };

  /** Signs alice in with her face on a new browser; the code the RP receives, and its PKCE verifier. */
  async function faceSignIn(params: Record<string, string> = {}) {
    const { url, verifier } = authorization(params);
    const browser = new Browser(issuer.origin);
    const { url: page } = await browser.navigate(url);
    const answer = await browser.json(`${page.pathname}/face`, {
      method: 'POST',
      body: await aliceFrame(),
      contentType: 'image/jpeg',
    });
    expect(answer.body, JSON.stringify(answer.body)).to.include({ status: 'accepted' });
    const { url: back } = await browser.navigate(answer.body.redirectTo as string);
    const code = back.searchParams.get('code');
    expect(code, back.href).to.be.a('string');
    return { code: code!, verifier };
  }

  async function token(form: Record<string, string>): Promise<Answer> {
    const response = await fetch(new URL('/token', issuer), {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'spa', ...form }),
    });
    const body = (await response.json()) as Record<string, unknown>;
    return {
      status: response.status,
      error: body.error as string | undefined,
      message: body.error_description as string | undefined,
      body,
    };
  }
  const exchange = (code: string, verifier: string) =>
    token({ grant_type: 'authorization_code', code, redirect_uri: callback, code_verifier: verifier });
  const refresh = (refreshToken: string) => token({ grant_type: 'refresh_token', refresh_token: refreshToken });
  const userinfo = (accessToken: string) =>
    fetch(new URL('/me', issuer), { headers: { authorization: `Bearer ${accessToken}` } });

  /** A second server whose sign-ins expire after 2 s (one server cannot have both TTLs). */
  let shortLived: TestFacegate | undefined;
  after(async () => {
    await shortLived?.close();
  });
  async function expiredSignIn() {
    shortLived ??= await startTestFacegate(
      { type: 'sqlite', file: join(temporaryFolder(), 'bad-input-ttl.sqlite') },
      undefined,
      { ttl: { interaction: 2 } },
    );
    const browser = new Browser(shortLived.issuer);
    const url = authorization().url;
    const { url: page } = await browser.navigate(new URL(`${url.pathname}${url.search}`, shortLived.issuer));
    expect(page.pathname).to.match(/^\/interaction\//);
    await sleep(3000);
    return { browser, page };
  }

  /** Browser A on its face page, and what browser B sees at A's page. */
  let other: { a: Browser; page: URL } | undefined;

  const protocolCases: Case[] = [
    {
      name: 'unknown client: an error page, no redirect',
      request: () => authorize(query({ client_id: 'nobody' })),
      status: 400,
      error: 'invalid_client',
      then: neverRedirects,
    },
    {
      name: 'redirect_uri not registered: an error page, no redirect',
      request: () => authorize(query({ redirect_uri: 'http://localhost:9999/evil' })),
      status: 400,
      error: 'invalid_redirect_uri',
      then: neverRedirects,
    },
    {
      name: 'redirect_uri with an extra path segment: an error page, no redirect',
      request: () => authorize(query({ redirect_uri: `${callback}/more` })),
      status: 400,
      error: 'invalid_redirect_uri',
      then: neverRedirects,
    },
    {
      name: 'redirect_uri with an extra query parameter: an error page, no redirect',
      request: () => authorize(query({ redirect_uri: `${callback}?next=/admin` })),
      status: 400,
      error: 'invalid_redirect_uri',
      then: neverRedirects,
    },
    {
      name: 'missing client_id: an error page, no redirect',
      request: () => authorize(query({}, 'client_id')),
      status: 400,
      error: 'invalid_request',
      then: neverRedirects,
    },
    {
      name: 'missing response_type: invalid_request back to the (registered) redirect_uri',
      request: () => authorize(query({}, 'response_type')),
      status: 303,
      error: 'invalid_request',
      reader: 'developer',
      then: (answer) => {
        expect(answer.location!.startsWith(`${callback}?`), answer.location!).to.equal(true);
      },
    },
    {
      // OAuth 2.0 (RFC 6749, 3.1.2.3) lets a client with one registered redirect_uri leave it out;
      // oidc-provider uses that one, so the sign-in goes on and can only come back there.
      name: 'missing redirect_uri, the client having one: the sign-in goes on, to that one',
      request: () => authorize(query({}, 'redirect_uri')),
      status: 303,
      reader: 'nobody',
      then: (answer) => {
        expect(answer.error).to.equal(undefined);
        expect(answer.location).to.match(/^\/interaction\//);
      },
    },
    {
      name: 'client_id given twice: an error page, no redirect',
      request: () => authorize(`${query()}&client_id=web`),
      status: 400,
      error: 'invalid_request',
      then: neverRedirects,
    },
    {
      name: 'a state of 100 kB in the URL: over the header limit, refused by the HTTP parser',
      request: () => authorize(query({ state: 'x'.repeat(100_000) })),
      status: [400, 414, 431],
      reader: 'nobody',
    },
    {
      name: 'an oversized client_id (10 kB, under the header limit): an error page, no redirect',
      request: () => authorize(query({ client_id: 'c'.repeat(10_000) })),
      status: 400,
      error: 'invalid_client',
      then: neverRedirects,
    },
    {
      name: 'token: an invalid PKCE verifier',
      request: async () => {
        const { code } = await faceSignIn();
        return exchange(code, randomBytes(32).toString('base64url'));
      },
      status: 400,
      error: 'invalid_grant',
      reader: 'developer',
    },
    {
      name: 'token: a code used twice; the tokens of the first exchange are revoked',
      request: async () => {
        const { code, verifier } = await faceSignIn();
        const first = await exchange(code, verifier);
        expect(first.status, JSON.stringify(first.body)).to.equal(200);
        expect((await userinfo(first.body!.access_token as string)).status).to.equal(200);
        return {
          ...(await exchange(code, verifier)),
          sentBytes: undefined,
          location: first.body!.access_token as string,
        };
      },
      status: 400,
      error: 'invalid_grant',
      reader: 'developer',
      then: async (answer) => {
        expect((await userinfo(answer.location!)).status, 'userinfo with the first access token').to.equal(401);
      },
    },
    {
      name: 'token: a refresh token used again after rotation; the grant is revoked',
      request: async () => {
        const { code, verifier } = await faceSignIn({ scope: 'openid offline_access', prompt: 'consent' });
        const first = await exchange(code, verifier);
        const rotated = await refresh(first.body!.refresh_token as string);
        expect(rotated.status, JSON.stringify(rotated.body)).to.equal(200);
        expect(rotated.body!.refresh_token).to.be.a('string').and.not.equal(first.body!.refresh_token);
        return {
          ...(await refresh(first.body!.refresh_token as string)),
          location: rotated.body!.refresh_token as string,
        };
      },
      status: 400,
      error: 'invalid_grant',
      reader: 'developer',
      // oidc-provider rotates a public client's refresh token on each use; a replay of the old one
      // revokes the whole grant, so the stolen-and-replayed token takes the new one down with it.
      then: async (answer) => {
        expect(await refresh(answer.location!)).to.include({ status: 400, error: 'invalid_grant' });
      },
    },
    {
      name: 'an expired sign-in page (interaction TTL 2 s): says it expired and how to start again',
      request: async () => {
        const { browser, page } = await expiredSignIn();
        return pageAnswer(await browser.request(page));
      },
      status: 400,
      then: (answer) => {
        expect(answer.message).to.include('This sign-in has expired');
      },
    },
    {
      name: 'a face sent to an expired sign-in: JSON that says it expired and how to start again',
      request: async () => {
        const { browser, page } = await expiredSignIn();
        const answer = await browser.json(`${page.pathname}/face`, {
          method: 'POST',
          body: await aliceFrame(),
          contentType: 'image/jpeg',
        });
        return answerOf(answer);
      },
      status: 400,
      error: 'invalid_request',
    },
    {
      name: "another browser opening a sign-in's page: refused with a page",
      request: async () => {
        const a = await facePage();
        other = { a: a.browser, page: a.page };
        return pageAnswer(await new Browser(issuer.origin).request(a.page));
      },
      status: 400,
      error: 'invalid_request',
      then: neverRedirects,
    },
    {
      name: "another browser sending a face to a sign-in's page: refused; the first browser's sign-in goes on",
      request: async () => {
        const answer = await new Browser(issuer.origin).json(`${other!.page.pathname}/face`, {
          method: 'POST',
          body: await aliceFrame(),
          contentType: 'image/jpeg',
        });
        return answerOf(answer);
      },
      status: 400,
      error: 'invalid_request',
      then: async () => {
        const own = await other!.a.json(`${other!.page.pathname}/face`, {
          method: 'POST',
          body: await aliceFrame(),
          contentType: 'image/jpeg',
        });
        expect(own.body, JSON.stringify(own.body)).to.include({ status: 'accepted' });
      },
    },
  ];

  /** Frames posted to an enrolment link, as the enrolment page's script sends them. */
  async function enrol(link: string, frames: Buffer[]): Promise<Answer> {
    const answer = await new Browser(issuer.origin).json(link, { method: 'POST', body: multipart(frames, CONSENT) });
    return answerOf(answer);
  }
  const invite = async (accountId: string) =>
    (await createInvitation(facegate.store.invitations, facegate.issuer, { accountId, ttlSeconds: 600 })).link;
  let spentLink: string | undefined;

  const enrollmentCases: Case[] = [
    {
      name: "a stranger's face on a link that adds to alice's face: refused, nothing stored",
      request: async () => enrol(await invite('alice'), await framesOf(1)),
      status: 422,
      error: 'not_account_holder',
    },
    {
      name: "alice's face on a link for another account: a generic refusal, and the link is spent",
      request: async () => enrol((spentLink = await invite('not-alice')), await framesOf(0)),
      status: 422,
      error: 'enrollment_refused',
      then: (answer) => {
        expect(answer.body).to.include({ linkSpent: true });
      },
    },
    {
      name: 'a spent link',
      request: async () => enrol(spentLink!, await framesOf(3)),
      status: 410,
      error: 'invalid_link',
    },
  ];

  async function expectAlive(): Promise<void> {
    const health = await fetch(new URL('/healthz', issuer));
    expect(health.status, 'GET /healthz after the case').to.equal(200);
  }

  function runTable(cases: Case[]): void {
    for (const c of cases) {
      it(c.name, async () => {
        const answer = await c.request();
        const statuses = ([] as number[]).concat(c.status);
        expect(statuses, `status ${answer.status}: ${JSON.stringify(answer.body ?? answer.message)}`).to.include(
          answer.status,
        );
        if (c.error) expect(answer.error, JSON.stringify(answer.body ?? answer.message)).to.equal(c.error);
        if ((c.reader ?? 'person') === 'person') expectInstruction(answer.message);
        if (c.reader === 'developer') expect(answer.message, 'error_description').to.be.a('string').and.not.equal('');
        await c.then?.(answer);
        await expectAlive();
      });
    }
  }

  describe('the snapshot endpoint', () => runTable(snapshotCases));
  describe('the protocol', () => runTable(protocolCases));
  describe('the enrolment endpoint', () => runTable(enrollmentCases));
});
