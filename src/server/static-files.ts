import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Middleware } from 'koa';

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves the files of one folder (not its subfolders) under a URL prefix. The list is read once
 * at start, so a request can only ever name one of those files: no path is built from the URL.
 */
export function staticFiles(prefix: string, folder: string): Middleware {
  const files = new Map(
    readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && types[extname(entry.name)])
      .map((entry) => [
        `${prefix}/${entry.name}`,
        { body: readFileSync(join(folder, entry.name)), type: types[extname(entry.name)] },
      ]),
  );
  return async (ctx, next) => {
    const file = files.get(ctx.path);
    if (!file || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    ctx.type = file.type;
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = file.body;
  };
}
