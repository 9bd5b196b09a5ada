/**
 * What kind of file an upload is, told by its first bytes alone. Only JPEG, PNG and WebP are
 * handed to the decoder: libvips would also parse SVG (an XML parser and a renderer), GIF, TIFF,
 * HEIF and more, and none of that code needs to see bytes from the network. Other image formats are
 * recognised so that the refusal says "format not supported" rather than "not an image".
 */
export type AcceptedFormat = 'jpeg' | 'png' | 'webp';

const ascii = (bytes: Uint8Array, start: number, text: string) =>
  bytes.length >= start + text.length && [...text].every((c, i) => bytes[start + i] === c.charCodeAt(0));

export function acceptedFormat(bytes: Uint8Array): AcceptedFormat | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes[0] === 0x89 && ascii(bytes, 1, 'PNG\r\n\x1a\n')) return 'png';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'webp';
  return undefined;
}

/** An image format we do not decode, or undefined when the bytes look like no image at all. */
export function otherImageFormat(bytes: Uint8Array): string | undefined {
  if (ascii(bytes, 0, 'GIF8')) return 'gif';
  if (ascii(bytes, 0, 'II*\0') || ascii(bytes, 0, 'MM\0*')) return 'tiff';
  if (ascii(bytes, 0, 'BM')) return 'bmp';
  if (ascii(bytes, 4, 'ftyp')) return 'heif';
  if (ascii(bytes, 0, '%PDF')) return 'pdf';
  // SVG is XML: the first character that is not a byte-order mark or white space is "<".
  const text = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^[\ufeff\s]+/, '');
  if (text.startsWith('<')) return 'svg';
  return undefined;
}
