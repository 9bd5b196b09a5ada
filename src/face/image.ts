/**
 * Decoding: bytes from the network or a file into an upright 8-bit RGB raster, or a typed refusal.
 * Limits are checked before any pixel is decompressed, so a small file that declares a huge image
 * (a decompression bomb) costs nothing.
 */
import sharp, { type Metadata } from 'sharp';
import { say } from '../sentences.js';
import { FaceError } from './errors.js';
import { acceptedFormat, otherImageFormat } from './image-format.js';

export interface RgbImage {
  width: number;
  height: number;
  /** Interleaved RGB, row-major, 3 bytes per pixel. */
  data: Uint8Array;
}

export interface DecodeLimits {
  /** Largest accepted input, in bytes. */
  maxBytes: number;
  /** Largest accepted declared size, in pixels (width x height). */
  maxPixels: number;
  /** Larger images are scaled down to this longest side while decoding (faces stay far above the chip size). */
  maxWorkingSide: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = {
  maxBytes: 8 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxWorkingSide: 1920,
};

export async function decodeImage(bytes: Uint8Array, limits: DecodeLimits = DEFAULT_DECODE_LIMITS): Promise<RgbImage> {
  if (bytes.byteLength === 0) throw new FaceError('not_an_image', { bytes: 0 }, say('empty_image'));
  if (bytes.byteLength > limits.maxBytes)
    throw new FaceError('image_too_large', { bytes: bytes.byteLength, maxBytes: limits.maxBytes });

  // Told by the first bytes, before libvips parses anything (an SVG must not reach its XML parser).
  const format = acceptedFormat(bytes);
  if (!format) {
    const other = otherImageFormat(bytes);
    if (other) throw new FaceError('unsupported_format', { format: other });
    throw new FaceError('not_an_image', { reason: 'no JPEG, PNG or WebP signature' });
  }
  const metadata = await readMetadata(bytes, limits);
  if (metadata.format !== format) {
    throw new FaceError('unsupported_format', { format: metadata.format ?? 'unknown' });
  }
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  if (width * height > limits.maxPixels) {
    throw new FaceError('image_too_large', { width, height, maxPixels: limits.maxPixels });
  }

  try {
    // failOn 'truncated': a cut-off upload is refused rather than half-decoded into grey rows.
    const { data, info } = await sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'truncated' })
      .autoOrient()
      .resize({ width: limits.maxWorkingSide, height: limits.maxWorkingSide, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels`);
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    };
  } catch (error) {
    throw new FaceError('not_an_image', { reason: (error as Error).message }, say('damaged_image'));
  }
}

async function readMetadata(bytes: Uint8Array, limits: DecodeLimits): Promise<Metadata> {
  try {
    return await sharp(bytes, { limitInputPixels: limits.maxPixels }).metadata();
  } catch (error) {
    const message = (error as Error).message;
    if (/pixel limit/i.test(message)) throw new FaceError('image_too_large', { maxPixels: limits.maxPixels });
    throw new FaceError('not_an_image', { reason: message });
  }
}
