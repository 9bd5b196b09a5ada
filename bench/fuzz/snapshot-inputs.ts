/**
 * Inputs for the snapshot endpoint (POST /interaction/:uid/face): random bytes, mutated real
 * JPEGs, PNGs and WebPs of a face, odd content types, and multipart bodies built right and then
 * bent (parts, fields, boundaries, the framing bytes themselves).
 */
import sharp from 'sharp';
import { demoPortrait } from '../../src/eval/demo-faces.js';
import { webcamFrame } from '../../src/eval/webcam-frame.js';
import { fixPngChecksums, mutate } from './mutate.js';
import { pngDeclaring } from '../../test/support/png-header.js';
import type { Prng } from '../../src/eval/prng.js';

export interface SnapshotInput {
  /** What it is, for the report and a replay. */
  kind: string;
  contentType?: string;
  body: Buffer;
}

export interface ImageSeeds {
  jpegs: Buffer[];
  pngs: Buffer[];
  others: Buffer[];
}

/** Real images of the enrolled face (so a mutation may still be recognised) and of others. */
export async function imageSeeds(): Promise<ImageSeeds> {
  const enrolled = await webcamFrame(
    await sharp(await demoPortrait(0))
      .flop()
      .toBuffer(),
  );
  const stranger = await webcamFrame(await demoPortrait(1), 300);
  const small = await sharp(enrolled).resize(320).toBuffer();
  return {
    jpegs: [
      enrolled,
      stranger,
      await sharp(small).jpeg({ quality: 60, progressive: true }).toBuffer(),
      await sharp(small).toColourspace('cmyk').jpeg().toBuffer(),
    ],
    pngs: [
      await sharp(small).png().toBuffer(),
      await sharp(small).toColourspace('rgb16').png().toBuffer(),
      await sharp(small).greyscale().png().toBuffer(),
      pngDeclaring(30_000, 30_000),
    ],
    others: [
      await sharp(small).webp().toBuffer(),
      await sharp(small).gif().toBuffer(),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    ],
  };
}

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const OTHER_TYPES = [
  '',
  'application/octet-stream',
  'text/plain',
  'application/json',
  'image/gif',
  'image/svg+xml',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/mixed; boundary=x',
  'image/jpeg; charset=utf-8',
  'IMAGE/JPEG',
  'image/*',
];

/** `challenge`: the sign-in's liveness challenge, when it has one: a multipart body may carry it. */
export function snapshotInput(prng: Prng, seeds: ImageSeeds, challenge?: string): SnapshotInput {
  const all = [...seeds.jpegs, ...seeds.pngs, ...seeds.others];
  const typeFor = (natural: string) =>
    prng.chance(0.8) ? natural : prng.pick([...IMAGE_TYPES, ...OTHER_TYPES, prng.text(prng.between(1, 40))]);
  switch (prng.int(6)) {
    case 0:
      return { kind: 'random bytes', contentType: typeFor(prng.pick(IMAGE_TYPES)), body: prng.bytes(prng.int(4096)) };
    case 1: {
      const { bytes, how } = mutate(prng, prng.pick(seeds.jpegs), all);
      return { kind: `jpeg ${how.join('+')}`, contentType: typeFor('image/jpeg'), body: bytes };
    }
    case 2: {
      const { bytes, how } = mutate(prng, prng.pick(seeds.pngs), all);
      const fixed = prng.chance(0.5);
      return {
        kind: `png ${how.join('+')}${fixed ? ' crc-fixed' : ''}`,
        contentType: typeFor('image/png'),
        body: fixed ? fixPngChecksums(bytes) : bytes,
      };
    }
    case 3: {
      const seed = prng.pick(all);
      return { kind: 'unchanged seed', contentType: typeFor(prng.pick(IMAGE_TYPES)), body: seed };
    }
    default:
      return multipartInput(prng, seeds, all, challenge);
  }
}

const FIELD_NAMES = ['frame', 'frame', 'frame', 'challenge', 'account', 'name', '', 'frame[]', 'x'.repeat(300)];

/** A multipart body of frames (mutated or not) and fields, then maybe its framing bent. */
function multipartInput(prng: Prng, seeds: ImageSeeds, all: Buffer[], challenge?: string): SnapshotInput {
  const boundary = prng.chance(0.9)
    ? `----fuzz${prng.text(16, 'abcdefghijklmnopqrstuvwxyz0123456789')}`
    : prng.text(prng.between(1, 80));
  const parts: Buffer[] = [];
  if (challenge && prng.chance(0.7))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="challenge"\r\n\r\n${challenge}\r\n`),
    );
  const count = prng.chance(0.8) ? prng.between(1, 12) : prng.between(13, 40);
  for (let i = 0; i < count; i++) {
    const name = prng.pick(FIELD_NAMES);
    const file = prng.chance(0.7);
    const content = file
      ? prng.chance(0.5)
        ? prng.pick(seeds.jpegs)
        : mutate(prng, prng.pick(all), all).bytes
      : Buffer.from(prng.text(prng.chance(0.9) ? prng.int(40) : prng.between(200, 400)));
    const disposition = file
      ? `form-data; name="${name}"; filename="f${i}.jpg"\r\nContent-Type: ${prng.pick(IMAGE_TYPES)}`
      : `form-data; name="${name}"`;
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`),
      content,
      Buffer.from('\r\n'),
    );
  }
  if (prng.chance(0.9)) parts.push(Buffer.from(`--${boundary}--\r\n`));
  let body: Buffer = Buffer.concat(parts);
  let kind = `multipart ${count} parts`;
  if (prng.chance(0.3)) {
    const mutated = mutate(prng, body, all);
    body = mutated.bytes;
    kind += ` ${mutated.how.join('+')}`;
  }
  const header = prng.pick([
    `multipart/form-data; boundary=${boundary}`,
    `multipart/form-data; boundary="${boundary}"`,
    `multipart/form-data; boundary=${boundary}`,
    'multipart/form-data',
    `multipart/form-data; boundary=${prng.text(8, 'abc')}`,
    `multipart/form-data;boundary=${boundary};charset=x`,
  ]);
  return { kind, contentType: header, body };
}
