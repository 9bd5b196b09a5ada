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
import { requestPath } from './request-path.js';

/** The pages that use the camera: the sign-in page and the enrolment page, and what they call. */
const facePages = /^\/(interaction|enroll)\//;

function responseHeaders(path: string): Readonly<Record<string, string>> {
  return facePages.test(path) ? FACE_PAGE_HEADERS : OTHER_HEADERS;
}

function headersWithCamera(camera: string): Readonly<Record<string, string>> {
  return Object.freeze({
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': `${camera}, microphone=(), geolocation=()`,
  });
}
// Made once: they are the same for every request.
const FACE_PAGE_HEADERS = headersWithCamera('camera=(self)');
const OTHER_HEADERS = headersWithCamera('camera=()');

/**
 * Adds those headers to a response about to write its own (http-server.ts calls it then, because
 * Koa removes every header set so far when it answers an error, and oidc-provider writes its
 * responses itself); a header the response set itself is kept.
 */
export function addResponseHeaders(req: IncomingMessage, res: ServerResponse): void {
  const headers = responseHeaders(requestPath(req.url));
  for (const name in headers) {
    if (!res.hasHeader(name)) res.setHeader(name, headers[name]!);
  }
}
