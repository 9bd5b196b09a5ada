/**
 * Mutations of real inputs, as a fuzzer makes them: flipped bits, cut-off ends, spliced halves,
 * inserted, erased or repeated runs, and "interesting" values written over a header. A PNG's
 * chunk checksums can be recomputed after mutating it, so the decoder gets past them and meets
 * the mutated fields themselves.
 */
import { crc32 } from 'node:zlib';
import type { Prng } from '../../src/eval/prng.js';

type Mutation = (prng: Prng, input: Buffer, donors: readonly Buffer[]) => Buffer;

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff];

/** An offset, half the time in the first 64 bytes (where the headers are). */
function offset(prng: Prng, length: number): number {
  if (length === 0) return 0;
  return prng.chance(0.5) ? prng.int(Math.min(64, length)) : prng.int(length);
}

const mutations: Record<string, Mutation> = {
  flipBits(prng, input) {
    const out = Buffer.from(input);
    for (let n = prng.between(1, 16); n > 0 && out.length > 0; n--) out[offset(prng, out.length)] ^= 1 << prng.int(8);
    return out;
  },
  truncate: (prng, input) => input.subarray(0, prng.int(input.length + 1)),
  splice(prng, input, donors) {
    const donor = donors.length > 0 ? prng.pick(donors) : input;
    return Buffer.concat([input.subarray(0, prng.int(input.length + 1)), donor.subarray(prng.int(donor.length + 1))]);
  },
  insert(prng, input) {
    const at = offset(prng, input.length);
    return Buffer.concat([input.subarray(0, at), prng.bytes(prng.between(1, 64)), input.subarray(at)]);
  },
  erase(prng, input) {
    const at = offset(prng, input.length);
    return Buffer.concat([input.subarray(0, at), input.subarray(at + prng.between(1, 256))]);
  },
  repeat(prng, input) {
    const at = offset(prng, input.length);
    const run = input.subarray(at, at + prng.between(1, 512));
    return Buffer.concat([input.subarray(0, at), run, run, run, input.subarray(at)]);
  },
  interesting(prng, input) {
    const out = Buffer.from(input);
    for (let n = prng.between(1, 4); n > 0 && out.length > 0; n--)
      out[offset(prng, out.length)] = prng.pick(INTERESTING);
    return out;
  },
};
const names = Object.keys(mutations);

/** One to three mutations of `input`; their names, for the report. */
export function mutate(prng: Prng, input: Buffer, donors: readonly Buffer[]): { bytes: Buffer; how: string[] } {
  let bytes = input;
  const how: string[] = [];
  for (let n = prng.between(1, 3); n > 0; n--) {
    const name = prng.pick(names);
    bytes = mutations[name](prng, bytes, donors);
    how.push(name);
  }
  return { bytes, how };
}

/** The PNG with every whole chunk's CRC recomputed (what is not a whole chunk is left as it is). */
export function fixPngChecksums(png: Buffer): Buffer {
  const out = Buffer.from(png);
  for (let at = 8; at + 12 <= out.length; ) {
    const length = out.readUInt32BE(at);
    const end = at + 8 + length;
    if (end + 4 > out.length) break;
    out.writeUInt32BE(crc32(out.subarray(at + 4, end)), end);
    at = end + 4;
  }
  return out;
}
