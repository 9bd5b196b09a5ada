import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { securityHeaders } from './security-headers.js';
import { StaticSite } from './static-site.js';

/** Vite's output, beside this folder's sources (this file runs from dist/example-rp/server/). */
export const builtApp = fileURLToPath(new URL('../../../example-rp/dist/', import.meta.url));

export interface ExampleRpOptions {
  /** The provider's issuer URL: the app reads its discovery document from there. */
  authority: string;
  clientId: string;
  port: number;
  host: string;
  /** The built app to serve (tests pass a folder of their own). */
  root?: string;
}

export interface RunningExampleRp {
  /** Where a browser opens it: the origin its redirect URIs are registered under. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The example RP's web server: the built single-page app with a fallback to index.html for app
 * routes, and /config.json, which tells the app its provider and client_id at startup.
 */
export async function startExampleRp(options: ExampleRpOptions): Promise<RunningExampleRp> {
  const site = new StaticSite(options.root ?? builtApp);
  const headers = securityHeaders(options.authority);
  const config = Buffer.from(JSON.stringify({ authority: options.authority, client_id: options.clientId }));

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Method not allowed\n');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://rp.invalid').pathname;
    if (path === '/config.json') {
      send(req, res, { body: config, type: 'application/json; charset=utf-8', immutable: false });
      return;
    }
    const file = site.resolve(path);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    send(req, res, file);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${shownHost(options.host)}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Static responses are instant: only idle keep-alive connections hold close() open.
        server.closeIdleConnections();
      }),
  };
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  file: { body: Buffer; type: string; immutable: boolean },
): void {
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': file.body.length,
    // The page and its configuration are looked at again on every load; hashed assets never.
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

/** Listening on every interface or a loopback address is still opened as localhost. */
function shownHost(host: string): string {
  return ['localhost', '127.0.0.1', '::1', '0.0.0.0', '::', ''].includes(host) ? 'localhost' : host;
}
