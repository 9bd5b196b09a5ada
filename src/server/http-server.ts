import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** A Node request handler; one that returns a promise settles it when the response is done (as Koa's do). */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface RunningServer {
  server: Server;
  port: number;
  /** Replaces the handler for the requests that come next (a reload); those in flight finish on the old one. */
  swap(handler: RequestHandler): void;
  /** Stops accepting, lets requests in flight finish (up to graceMs), then closes what is left. */
  close(graceMs?: number): Promise<void>;
}

export async function listen(handler: RequestHandler, port: number, host: string): Promise<RunningServer> {
  let current = handler;
  const server = createServer((req, res) => current(req, res));
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
