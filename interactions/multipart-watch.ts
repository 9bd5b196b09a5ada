/**
 * Watches a multipart body as it streams in, before anything parses it: it counts the parts and
 * measures the one being received, so a burst of 1,000 frames, or one part of 50 MB, is refused
 * after the first parts too many (or the first bytes too many) instead of being buffered whole.
 * It only finds the boundary delimiters (RFC 2046: CRLF, "--", the boundary); the parsing is
 * left to Node's multipart parser once the body is complete.
 */
export type MultipartProblem = 'too_many_parts' | 'part_too_large';

/** Room for a part's own headers (Content-Disposition, Content-Type) on top of its content. */
const PART_HEADERS_BYTES = 1024;

export class MultipartWatch {
  private readonly delimiter: Buffer;
  /** The last bytes of the previous chunk, so a delimiter split across two chunks is still seen. */
  private carry: Buffer;
  private delimiters = 0;
  private sinceDelimiter = 0;

  constructor(
    boundary: string,
    private readonly maxParts: number,
    private readonly maxPartBytes: number,
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
    // The body's first delimiter has no CRLF before it: start as if one had just been received.
    this.carry = Buffer.from('\r\n');
  }

  /** Takes the next chunk; returns the first problem found, or undefined. */
  push(chunk: Buffer): MultipartProblem | undefined {
    const window = Buffer.concat([this.carry, chunk]);
    let searchFrom = 0;
    let lastEnd = -1;
    for (
      let at = window.indexOf(this.delimiter, searchFrom);
      at >= 0;
      at = window.indexOf(this.delimiter, searchFrom)
    ) {
      // The parts opened so far: every delimiter opens one, except the closing one.
      if (++this.delimiters > this.maxParts + 1) return 'too_many_parts';
      searchFrom = at + this.delimiter.length;
      lastEnd = searchFrom;
    }
    this.sinceDelimiter = lastEnd >= 0 ? window.length - lastEnd : this.sinceDelimiter + chunk.length;
    if (this.sinceDelimiter > this.maxPartBytes + PART_HEADERS_BYTES) return 'part_too_large';
    this.carry = window.subarray(Math.max(searchFrom, window.length - this.delimiter.length + 1));
    return undefined;
  }
}

/** The boundary of a multipart/form-data Content-Type, or undefined. */
export function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}
