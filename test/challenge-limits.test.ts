import { expect } from 'chai';
import { join } from 'node:path';
import { flatAttackFrames } from '../src/eval/liveness/attacks.js';
import { firstTimelineFor } from './helpers/head-turn.js';
import { rasterOf } from '../src/eval/liveness/scene.js';
import { createInvitation } from '../src/access/invitations.js';
import { Browser } from './support/browser.js';
import { enrollPhotos, startTestFacegate, type TestFacegate } from './support/facegate.js';
import { portrait } from './helpers/face-fixtures.js';
import { CONSENT, multipart } from './helpers/face-uploads.js';
import { askChallenge, openFacePage, type FacePage } from './helpers/face-page.js';
import { temporaryFolder } from './helpers/stores.js';

/**
 * Issue 10, item 3: a challenge costs an attempt. Asking for challenges until their moves match
 * the photos one holds must not be possible: one open challenge per sign-in (and per enrolment
 * link), each issued one spends an attempt of face.attempts.perInteraction.
 */
describe('liveness challenges cost attempts', function () {
  this.timeout(180_000);
  let facegate: TestFacegate;
  let issuer: URL;
  let stillPhoto: (challenge: string) => Promise<FormData>;

  before(async () => {
    facegate = await startTestFacegate(
      { type: 'sqlite', file: join(temporaryFolder(), 'challenges.sqlite') },
      undefined,
      {
        face: {
          workers: 1,
          liveness: 'challenge',
          attempts: { perInteraction: 5, perIp: { max: 1000, windowSeconds: 900 } },
        },
      },
    );
    issuer = new URL(facegate.issuer);
    await enrollPhotos(facegate, 'alice', 'Alice', [await portrait(0)]);
    const frames = await flatAttackFrames(
      'still',
      await rasterOf(await portrait(0)),
      firstTimelineFor(['left', 'right']),
      7,
    );
    stillPhoto = async (challenge) => multipart(frames, { challenge });
  });
  after(async () => {
    await facegate?.close();
  });

  const burst = async (signIn: FacePage, challenge: unknown) =>
    signIn.browser.json(`${signIn.page.pathname}/face`, { method: 'POST', body: await stillPhoto(String(challenge)) });

  it('200 asks in one sign-in get perInteraction challenges, then the sign-in ends with access_denied', async () => {
    const signIn = await openFacePage(issuer);
    let issued = 0;
    let last;
    for (let i = 0; i < 200; i++) {
      last = await askChallenge(signIn);
      if (!last.body.challenge) break;
      issued++;
    }
    expect(issued).to.equal(5);
    expect(last!.body).to.include({ status: 'ended' });
    const { url } = await signIn.browser.navigate(last!.body.redirectTo as string);
    expect(url.searchParams.get('error')).to.equal('access_denied');
  });

  it('a second challenge spends an attempt and makes the first one void', async () => {
    const signIn = await openFacePage(issuer);
    const first = (await askChallenge(signIn)).body;
    const second = (await askChallenge(signIn)).body;
    expect([first.attemptsLeft, second.attemptsLeft]).to.deep.equal([4, 3]);
    const stale = await burst(signIn, first.challenge);
    expect(stale.body).to.include({ error: 'challenge_superseded', attemptsLeft: 3 });
    // The current one is judged; its cost was paid when it was issued.
    expect((await burst(signIn, second.challenge)).body).to.include({ error: 'not_live', attemptsLeft: 3 });
  });

  it('an enrolment link gives perInteraction challenges, then it is spent', async () => {
    const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
      accountId: 'erin',
      ttlSeconds: 600,
    });
    const browser = new Browser(issuer.origin);
    const statuses = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await browser.json(`${new URL(link).pathname}/challenge`, { method: 'POST' })).status);
    expect(statuses).to.deep.equal([200, 200, 200, 200, 200, 410, 410]);
    expect((await browser.request(link)).status).to.equal(404);
  });

  it('an enrolment burst with a void challenge is refused with 422, as a sign-in burst is', async () => {
    const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
      accountId: 'fred',
      ttlSeconds: 600,
    });
    const browser = new Browser(issuer.origin);
    const ask = async () => (await browser.json(`${new URL(link).pathname}/challenge`, { method: 'POST' })).body;
    const first = await ask();
    await ask();
    // With consent ticked, as the page sends it: the challenge is what is refused.
    const body = await stillPhoto(String(first.challenge));
    body.append('consent', CONSENT.consent);
    const answer = await browser.json(link, { method: 'POST', body });
    expect(answer.status).to.equal(422);
    expect(answer.body).to.include({ status: 'refused', error: 'challenge_superseded' });
  });
});
