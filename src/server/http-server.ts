import { createServer, ServerResponse, type IncomingMessage, type Server } from 'node:http';

/** A Node request handler; one that returns a promise settles it when the response is done (as Koa's do). */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * Called on every response just before its headers are written, whoever writes them (our pages,
 * Koa's error answers, which first remove every header set so far, and oidc-provider's own
 * endpoints): the last moment a header can be added.
 */
export type BeforeHeaders = (req: IncomingMessage, res: ServerResponse) => void;

export interface RunningServer {
  server: Server;
  port: number;
  /** Replaces the handler for the requests that come next (a reload); those in flight finish on the old one. */
  swap(handler: RequestHandler): void;
  /** Stops accepting, lets requests in flight finish (up to graceMs), then closes what is left. */
  close(graceMs?: number): Promise<void>;
}

export async function listen(
  handler: RequestHandler,
  port: number,
  host: string,
  beforeHeaders?: BeforeHeaders,
): Promise<RunningServer> {
  let current = handler;
  const options = beforeHeaders ? { ServerResponse: responseCalling(beforeHeaders) } : {};
  const server = createServer(options, (req, res) => current(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as { port: number }).port,
    swap(next) {
      current = next;
    },
    close: (graceMs = 10_000) => closeGracefully(server, graceMs),
  };
}

async function closeGracefully(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections with no request in flight would hold close() open: end them now,
  // and end the others as soon as their response is done.
  server.closeIdleConnections();
  server.on('request', (_req, res: ServerResponse) => res.setHeader('Connection', 'close'));
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearInterval(idleSweep);
    clearTimeout(deadline);
  }
}

/**
 * A ServerResponse whose writeHead (which Node also calls for headers written implicitly) calls
 * `beforeHeaders` first. A class, not a writeHead replaced on each response: a function property
 * added to every response costs a closure and gives each response object a shape of its own, which
 * the profile of discovery and JWKS showed as a share of what facegate adds to oidc-provider.
 */
function responseCalling(beforeHeaders: BeforeHeaders): typeof ServerResponse {
  class ResponseCallingBeforeHeaders extends ServerResponse {}
  const writeHead = ServerResponse.prototype.writeHead;
  ResponseCallingBeforeHeaders.prototype.writeHead = function writeHeadAfterHook(
    this: ServerResponse,
    ...args: Parameters<ServerResponse['writeHead']>
  ) {
    beforeHeaders(this.req, this);
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
  return ResponseCallingBeforeHeaders as typeof ServerResponse;
}
