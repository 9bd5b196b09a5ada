/**
 * Headers every response of facegate carries, whoever writes it: our pages and their JSON, the
 * static files, the health endpoints, and oidc-provider's own endpoints and pages.
 * - X-Content-Type-Options: nosniff: a response is only ever what its Content-Type says.
 * - Referrer-Policy: no-referrer: URLs here carry codes, states and enrolment tokens.
 * - Cross-Origin-Opener-Policy: same-origin: no other site's window keeps a handle on ours.
 * - Permissions-Policy: the camera for this origin on the face pages (sign-in, enrolment), for
 *   nobody anywhere else; no microphone or location anywhere.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from './http-server.js';
import { requestPath } from './request-path.js';

/** The pages that use the camera: the sign-in page and the enrolment page, and what they call. */
const facePages = /^\/(interaction|enroll)\//;

export function responseHeaders(path: string): Record<string, string> {
  const camera = facePages.test(path) ? 'camera=(self)' : 'camera=()';
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': `${camera}, microphone=(), geolocation=()`,
  };
}

/**
 * The handler, with those headers added to each response just before it is written. Added at
 * that moment, not when the request comes in, because Koa removes every header set so far when it
 * answers an error, and oidc-provider writes its responses itself; a header a response set itself
 * is kept.
 */
export function withResponseHeaders(handler: RequestHandler): RequestHandler {
  return (req: IncomingMessage, res: ServerResponse) => {
    const headers = responseHeaders(requestPath(req.url));
    const writeHead = res.writeHead;
    res.writeHead = function writeHeadWithHeaders(
      this: ServerResponse,
      ...args: Parameters<ServerResponse['writeHead']>
    ) {
      for (const [name, value] of Object.entries(headers)) {
        if (!this.hasHeader(name)) this.setHeader(name, value);
      }
      return writeHead.apply(this, args);
    } as ServerResponse['writeHead'];
    return handler(req, res);
  };
}
