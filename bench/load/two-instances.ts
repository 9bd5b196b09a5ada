/**
 * Two facegate instances on one shared store (Redis or PostgreSQL), one issuer: a person enrolled through instance A after B
 * started, then a sign-in started at A (the RP's authorization request), whose face page, face
 * snapshot and redirects go to B with the same cookies, and whose code is exchanged at A; UserInfo
 * answered by B for A's access token.
 */
import { ChildServer } from './child-server.js';
import { benchConfig } from './bench-config.js';
import { freePort } from '../../test/support/free-port.js';
import { enrollAt, inviteLink, type Person } from './people.js';
import type { StoreSpec } from '../../adapters/contract.js';
import { RelyingParty } from './relying-party.js';
import { readServerLog } from './server-log.js';
import { signIn } from './sign-in-flow.js';
import { Checks, type Check } from './checks.js';

export interface TwoInstances {
  skipped?: string;
  steps: Check[];
  serverErrors: number;
}

export async function twoInstances(dir: string, person: Person, storage: StoreSpec): Promise<TwoInstances> {
  const servers: ChildServer[] = [];
  try {
    const [portA, portB] = [await freePort(), await freePort()];
    // A first: the first start creates the signing and cookie keys in the store; B reads them.
    const a = await ChildServer.start(
      'instance-a',
      `${dir}/instance-a-${storage.type}.json`,
      benchConfig(portA, storage, { workers: 1 }),
    );
    servers.push(a);
    const b = await ChildServer.start(
      'instance-b',
      `${dir}/instance-b-${storage.type}.json`,
      benchConfig(portB, storage, { workers: 1 }, portA),
    );
    servers.push(b);
    const checks = new Checks();
    const step = checks.run.bind(checks);
    await step('the same JWKS from A and B', async () => {
      const [ja, jb] = await Promise.all([a, b].map(async (s) => (await fetch(`${s.origin}/jwks`)).text()));
      if (ja !== jb) throw new Error('they differ');
      return 'identical';
    });
    await step(`${person.accountId} enrolled through A, after B started, signs in at B at once`, async () => {
      await enrollAt(await inviteLink(a.configFile, person.accountId), person);
      const enrolled = performance.now();
      // B's gallery hears of the enrolment (no reload, no polling): the first sign-in at B matches.
      const atB = await signIn(await RelyingParty.discover(a.origin), person.snapshots[0], {
        providers: [a.origin, b.origin],
        via: b.origin,
      });
      const seconds = (performance.now() - enrolled) / 1000;
      if (atB.sub !== person.accountId) throw new Error(`signed in at B as ${atB.sub}`);
      return `matched at B by the first sign-in, begun as the enrolment finished: done ${seconds.toFixed(2)} s after it (face step ${Math.round(atB.timings.face)} ms)`;
    });
    const rp = await RelyingParty.discover(a.origin);
    let accessToken = '';
    await step(
      'authorization at A; face page, snapshot and redirects at B (same cookies); code exchanged at A; refresh at A',
      async () => {
        const signedIn = await signIn(rp, person.snapshots[0], { providers: [a.origin, b.origin], via: b.origin });
        if (signedIn.sub !== person.accountId) throw new Error(`signed in as ${signedIn.sub}`);
        const refreshed = await rp.refresh(signedIn.refreshToken);
        accessToken = refreshed.access_token;
        return `sub ${signedIn.sub}; face ${Math.round(signedIn.timings.face)} ms at B`;
      },
    );
    await step('UserInfo at B for an access token issued by A', async () => {
      const response = await fetch(`${b.origin}/me`, { headers: { authorization: `Bearer ${accessToken}` } });
      const body = (await response.json()) as { sub?: string };
      if (response.status !== 200 || body.sub !== person.accountId)
        throw new Error(`HTTP ${response.status} ${JSON.stringify(body)}`);
      return `sub ${body.sub}`;
    });
    return {
      steps: checks.list,
      serverErrors: servers.reduce(
        (n, s) => n + Object.values(readServerLog(s.logLines()).serverErrors).reduce((x, y) => x + y, 0),
        0,
      ),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
