/**
 * An upload streamed in chunks (Transfer-Encoding: chunked, no Content-Length), as a client that
 * does not say how much it will send: the server only learns the size by reading. It stops
 * writing as soon as the answer comes, and tells how much had been sent by then, so a test can
 * check that the server refused early instead of reading everything.
 */
import { request } from 'node:http';

export interface StreamedAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Bytes written before the answer arrived (some may still have been in the sockets' buffers). */
  sentBytes: number;
}

export function streamUpload(
  url: URL,
  headers: Record<string, string>,
  chunks: Iterable<Buffer>,
): Promise<StreamedAnswer> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const req = request(url, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } }, (res) => {
      answered = true;
      const body: Buffer[] = [];
      res.on('data', (piece: Buffer) => body.push(piece));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(body).toString('utf8'),
          sentBytes,
        }),
      );
      res.on('error', reject);
    });
    // Once answered, the server may close while we are still writing: that is the refusal, not a fault.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const source = chunks[Symbol.iterator]();
    const writeMore = () => {
      while (!answered) {
        const next = source.next();
        if (next.done) {
          req.end();
          return;
        }
        sentBytes += next.value.length;
        if (!req.write(next.value)) {
          req.once('drain', writeMore);
          return;
        }
      }
    };
    writeMore();
  });
}
