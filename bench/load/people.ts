/**
 * The bench's people: the four faces of the photos @vladmandic/face-api ships, each with three
 * enrolment frames (as the enrolment page sends them) and several sign-in snapshots (mirrored, at
 * different distances), enrolled through one-time links made by `facegate invite`.
 */
import { demoPortrait, SAMPLE_FACES } from '../../src/eval/demo-faces.js';
import { variants, webcamFrame } from '../../src/eval/webcam-frame.js';
import { ChildServer } from './child-server.js';

export interface Person {
  accountId: string;
  enrollFrames: Buffer[];
  snapshots: Buffer[];
}

const SNAPSHOT_HEIGHTS = [300, 320, 340, 360, 380];

export async function benchPeople(): Promise<Person[]> {
  return Promise.all(
    SAMPLE_FACES.map(async (_, i) => {
      const face = await demoPortrait(i);
      const mirrored = await variants.flipped(face);
      return {
        accountId: `person${i + 1}`,
        enrollFrames: await Promise.all([
          webcamFrame(face, 360),
          webcamFrame(face, 330),
          webcamFrame(await variants.recompressed(face), 380),
        ]),
        snapshots: await Promise.all(SNAPSHOT_HEIGHTS.map((height) => webcamFrame(mirrored, height))),
      };
    }),
  );
}

/** A one-time enrolment link for the account, from the real CLI (`--replace`: it replaces the templates). */
export async function inviteLink(configFile: string, accountId: string, replace = false): Promise<URL> {
  const out = await ChildServer.cli(configFile, [
    'invite',
    accountId,
    '--name',
    accountId,
    ...(replace ? ['--replace'] : []),
  ]);
  return new URL(out.trim());
}

/** Posts the person's enrolment frames to a link, as the enrolment page does; `origin` sends it to another instance. */
export async function enrollAt(link: URL, person: Person, origin?: string): Promise<void> {
  const target = origin ? new URL(link.pathname, origin) : link;
  const form = new FormData();
  for (const frame of person.enrollFrames)
    form.append('frame', new Blob([new Uint8Array(frame)], { type: 'image/jpeg' }), 'frame.jpg');
  // The consent box ticked, for the server's configuration's default consent.version.
  form.append('consent', '1');
  const response = await fetch(target, { method: 'POST', body: form, headers: { accept: 'application/json' } });
  const body = (await response.json()) as { status?: string; error?: string };
  if (body.status !== 'enrolled')
    throw new Error(`enrolling ${person.accountId}: HTTP ${response.status} ${body.error}`);
}
